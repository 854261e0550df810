"""The evaluation questions, written for the corpus in ./corpus (see its README for sources and licences).

Each question names its category and where its answer is: a document (any of its translations) and the section whose
heading starts with that number or text; None when no document answers it. DEV was used to calibrate the ranking
constants and the abstention threshold. HELD_OUT_V1 was written at the same time and first measured afterwards, over
documents DEV does not ask about; it was then looked at while improving the matching, so it is development data now.
HELD_OUT_V2 was written after that work and before it was ever run, about five documents added for it that no other
set asks about (see the corpus README): the FAQ's chapter 3 in English only, chapter 6 in Korean only and chapter 1
in Japanese only; Debian Reference's chapter 4 in Traditional Chinese only and chapter 5 in Simplified Chinese only.
HELD_OUT_V3 was likewise written before it was ever run, about five more documents added for it that no other set
asks about: the FAQ's chapter 13 in English only and chapter 14 in Korean only; Debian Reference's chapter 7 in
Simplified Chinese only, chapter 10 in Japanese only and chapter 12 in Traditional Chinese only. Its unanswerable
questions were checked (grep) against the whole corpus and docs/. After their first runs, V2 and V3 were used to
weigh the glossary's and the dictionaries' translations, so they are development data now. HELD_OUT_V4 was likewise
written before it was ever run, about three more documents added for it that no other set asks about: the FAQ's
chapter 15 in English only and chapter 16 in Korean only, and Debian Reference's chapter 11 in Simplified Chinese
only; its section labels were checked against the passages preproc makes of them, and its unanswerable questions
(grep) against the whole corpus and docs/. Its first run is recorded in docs/bot.md ("Quality")."""

from dataclasses import dataclass

SAME, KEYWORD, CROSS, SCRIPT, NONE = (
    "same language",
    "keyword",
    "cross-language",
    "Traditional ↔ Simplified",
    "no answer",
)
CATEGORIES = (SAME, KEYWORD, CROSS, SCRIPT, NONE)


@dataclass(frozen=True)
class Question:
    text: str
    category: str
    document: str | None = None  # part of the document's path, language left out: "faq/pkgtools"
    section: str = ""  # how its innermost heading starts: "8.5." (or a phrase of it)


Q = Question

DEV = [
    # Same language: the answer is written in the question's language.
    Q("What do the parts of a .deb file name like foo_1.2-3_amd64.deb mean?", SAME, "faq/pkg-basics", "7.3."),
    Q("Do I have to switch to single user mode before upgrading a package?", SAME, "faq/uptodate", "9.2."),
    Q("Can I delete the downloaded .deb files to free disk space?", SAME, "faq/uptodate", "9.3."),
    Q("How do I stop a package from being upgraded?", SAME, "faq/pkg-basics", "7.12."),
    Q("How do I add documents to the bot's knowledge base?", SAME, "docs/bot", "Adding documents"),
    Q("升级软件包的时候需要进入单用户模式吗？", SAME, "faq/uptodate", "9.2."),
    Q("怎样把一个软件包设为保留，不让它升级？", SAME, "faq/pkg-basics", "7.12."),
    Q("用什么办法查出某个文件是哪个软件包安装的？", SAME, "faq/pkgtools", "8.5."),
    Q("Debian パッケージのファイル名が長いのはなぜですか？", SAME, "faq/pkg-basics", "7.3."),
    Q("システムを自動で更新することはできますか？", SAME, "faq/uptodate", "9.5."),
    Q("仮想パッケージとは何のことですか？", SAME, "faq/pkg-basics", "7.8."),
    Q("패키지를 보류하려면 어떻게 하나요?", SAME, "faq/pkg-basics", "7.12."),
    Q("컴퓨터가 여러 대일 때 업데이트를 한 번만 다운로드하는 방법은?", SAME, "faq/uptodate", "9.6."),
    Q("데비안 conffile이 뭐예요?", SAME, "faq/pkg-basics", "7.5."),
    # Keyword: a few words or an identifier, as typed into a search box.
    Q("dpkg --fsys-tarfile", KEYWORD, "faq/pkgtools", "8.1.1."),
    Q("apt-cdrom", KEYWORD, "faq/uptodate", "9.1.2."),
    Q("cron-apt", KEYWORD, "faq/uptodate", "9.5."),
    Q("tasksel", KEYWORD, "faq/pkgtools", "8.1.5."),
    Q("Pre-Depends", KEYWORD, "faq/pkg-basics", "7.10."),
    Q("/etc/kbd/config", KEYWORD, "faq/customizing", "11.3."),
    # Cross-language: the answer is written only in another language.
    Q("데비안은 커널 모듈을 다루기 위해 무엇을 제공하나요?", CROSS, "faq/kernel", "10.3."),
    Q("古いカーネルのパッケージを安全に削除できますか？", CROSS, "faq/kernel", "10.4."),
    Q("开机时怎样加载控制台字体？", CROSS, "faq/customizing", "11.3."),
    Q("사용자에게 하드웨어 장치 접근 권한을 주려면?", CROSS, "faq/customizing", "11.2."),
    Q("カスタムカーネルをビルドするためのツールはありますか？", CROSS, "faq/kernel", "10.2."),
    Q("How do I report a bug in Debian?", CROSS, "faq/support", "12.5."),
    Q("如何邀请别人加入聊天？", SAME, "docs/bot", "邀请别人加入聊天"),
    # Traditional <-> Simplified: the question in one script, the answer only in the other.
    Q("如何安裝原始碼套件？", SCRIPT, "faq/pkg-basics", "7.13."),
    Q("怎麼知道系統裡已經安裝了哪些軟體套件？", SCRIPT, "faq/pkgtools", "8.3."),
    Q("需要把所有 .deb 檔案都保留在磁碟上嗎？", SCRIPT, "faq/uptodate", "9.3."),
    Q("什麼是虛擬套件？", SCRIPT, "faq/pkg-basics", "7.8."),
    # No document answers these.
    Q("How do I set up a print queue with CUPS?", NONE),
    Q("What is the default root password of a Debian live image?", NONE),
    Q("怎么在 Debian 上玩 Steam 游戏？", NONE),
    Q("如何設定藍牙耳機？", NONE),
    Q("Wi-Fi のパスワードを忘れたらどうすればいいですか？", NONE),
    Q("Python の仮想環境を作るには？", NONE),
    Q("프린터 드라이버를 설치하려면?", NONE),
    Q("이메일 서버를 구축하는 방법은?", NONE),
]

HELD_OUT_V1 = [
    Q("Why should I use a UTF-8 locale?", SAME, "reference/ch08", "8.1.1."),
    Q("How do I reconfigure the locale on Debian?", SAME, "reference/ch08", "8.1.2."),
    Q("Can I use Red Hat rpm packages on my Debian system?", SAME, "faq/compatibility", "4.5."),
    Q("How should I install a program that is not packaged for Debian?", SAME, "faq/compatibility", "4.6."),
    Q("Which command rolls dice in the chat?", SAME, "docs/bot", "Commands"),
    Q("日本語入力の設定例はありますか？", SAME, "reference/ch08", "8.2.4."),
    Q("Debian で Java は使えますか？", SAME, "faq/software", "5.7."),
    Q("ファイル名の文字コードはどうなっていますか？", SAME, "reference/ch08", "8.1.3."),
    Q("现在 Debian 最新的版本是哪个？", SAME, "faq/getting-debian", "2.1."),
    Q("怎样用 CD-ROM 安装 Debian？", SAME, "faq/getting-debian", "2.4."),
    Q("systemd 怎么设置主机名？", SAME, "reference/ch03", "3.2.1."),
    Q("데비안에서 버그는 어떻게 보고하나요?", SAME, "faq/support", "12.5."),
    Q("메일링 리스트 행동 강령이 뭔가요?", SAME, "faq/support", "12.2.1.1."),
    Q("알려진 버그 로그가 있나요?", SAME, "faq/support", "12.4."),
    Q("LANGUAGE environment variable gettext", KEYWORD, "reference/ch08", "8.1.4."),
    Q("ld: cannot find -lfoo", KEYWORD, "faq/software", "5.6."),
    Q("dmesg -n3", KEYWORD, "reference/ch03", "3.3."),
    Q("dpkg-reconfigure locales", KEYWORD, "reference/ch08", "8.1.2."),
    Q("reportbug", KEYWORD, "faq/support", "12.5."),
    Q("Where can I find a Flash (SWF) player for Debian?", CROSS, "faq/software", "5.11."),
    Q("How do I see the kernel messages with dmesg?", CROSS, "reference/ch03", "3.3."),
    Q("데비안은 어떤 하드웨어 아키텍처에서 실행되나요?", CROSS, "faq/compatibility", "4.1."),
    Q("他の Linux ディストリビューションとの互換性はどうですか？", CROSS, "faq/compatibility", "4.3."),
    Q("IBus 입력기는 어떻게 지원되나요?", CROSS, "reference/ch08", "8.2.3."),
    Q("Debian 有哪些邮件列表？", CROSS, "faq/support", "12.2.1."),
    Q("채팅에 다른 사람을 초대하려면 어떻게 하나요?", CROSS, "docs/bot", "Inviting someone"),
    Q("如何重新配置语言环境？", SCRIPT, "reference/ch08", "8.1.2."),
    Q("东亚宽度有歧义的字符是怎么回事？", SCRIPT, "reference/ch08", "8.4."),
    Q("Wayland 下的键盘输入怎么设置？", SCRIPT, "reference/ch08", "8.2.2."),
    Q("系統啟動過程分為哪幾個階段？", SCRIPT, "reference/ch03", "3.1."),
    Q("怎麼設定內核訊息的等級？", SCRIPT, "reference/ch03", "3.3."),
    Q("How do I enable HTTP/2 in nginx?", NONE),
    Q("What is the keyboard shortcut for a screenshot in GNOME?", NONE),
    Q("如何配置 Kubernetes 集群？", NONE),
    Q("Docker コンテナのログを見るには？", NONE),
    Q("파이썬에서 JSON 파일을 읽는 방법은?", NONE),
    Q("如何在 Windows 上安裝 Office？", NONE),
]

HELD_OUT_V2 = [
    # Same language.
    Q("How do I find out which Debian distribution my machine is running?", SAME, "faq/choosing", "3.1.10."),
    Q("I run stable. Can I change to testing or unstable, and how?", SAME, "faq/choosing", "3.1.11."),
    Q("데비안 코드명은 어디서 왔나요?", SAME, "faq/ftparchives", "6.2.2."),
    Q("sid가 뭐예요?", SAME, "faq/ftparchives", "6.3."),
    Q("Debian という名前はどう発音しますか？", SAME, "faq/basic-defs", "1.7."),
    Q("Linux とは何ですか？", SAME, "faq/basic-defs", "1.3."),
    Q("怎样找出最佳的 MTU？", SAME, "reference/ch05", "5.5.1."),
    Q("怎樣才算是好的密碼？", SAME, "reference/ch04", "4.3."),
    # Keyword.
    Q("lsb_release -a", KEYWORD, "faq/choosing", "3.1.10."),
    Q("mkpasswd", KEYWORD, "reference/ch04", "4.4."),
    Q("chage", KEYWORD, "reference/ch04", "4.2."),
    Q("dists/stable/main", KEYWORD, "faq/ftparchives", "6.8."),
    Q("nsswitch.conf", KEYWORD, "reference/ch04", "4.5.1."),
    # Cross-language: the answer is written only in another language.
    Q("What makes Debian different from other Linux distributions?", CROSS, "faq/basic-defs", "1.5."),
    Q("How is Debian related to the GNU project of the Free Software Foundation?", CROSS, "faq/basic-defs", "1.6."),
    Q("What is in the pool directory of the Debian archive?", CROSS, "faq/ftparchives", "6.10."),
    Q("Where do the Debian release code names come from?", CROSS, "faq/ftparchives", "6.2.2."),
    Q("sudo はどう設定しますか？", CROSS, "reference/ch04", "4.7.1."),
    Q("testing が何か月も壊れたままになるのはなぜですか？", CROSS, "faq/choosing", "3.1.7."),
    Q("네트워크 인터페이스 이름은 어떻게 정해지나요?", CROSS, "reference/ch05", "5.1.2."),
    # Traditional <-> Simplified: the question in one script, the answer only in the other.
    Q("怎么管理账号和密码信息？", SCRIPT, "reference/ch04", "4.2."),
    Q("PAM 和 NSS 用哪些配置文件？", SCRIPT, "reference/ch04", "4.5.1."),
    Q("为什么 GNU su 不支持 wheel 组？", SCRIPT, "reference/ch04", "4.5.3."),
    Q("如何生成加密的密码？", SCRIPT, "reference/ch04", "4.4."),
    Q("主機名稱解析是怎麼運作的？", SCRIPT, "reference/ch05", "5.1.1."),
    Q("區域網路可以使用哪些位址範圍？", SCRIPT, "reference/ch05", "5.1.3."),
    Q("Netfilter 網路過濾框架是什麼？", SCRIPT, "reference/ch05", "5.6."),
    # No document answers these.
    Q("How do I change the screen resolution in GNOME?", NONE),
    Q("如何在 Debian 上安装 NVIDIA 显卡驱动？", NONE),
    Q("Bluetooth マウスを接続するには？", NONE),
    Q("노트북 배터리 수명을 늘리려면?", NONE),
    Q("如何設定印表機共享？", NONE),
]

HELD_OUT_V3 = [
    # Same language.
    Q("What is SPI, and what does it have to do with Debian?", SAME, "faq/contributing", "13.3.1."),
    Q("从 Flathub 下载的应用，怎样运行才比较安全？", SAME, "reference/ch07", "7.6."),
    Q("chroot 环境里的程序要怎么打开图形界面窗口？", SAME, "reference/ch07", "7.8.3."),
    Q("shell 腳本裡的 $? 和 $$ 分別代表什麼？", SAME, "reference/ch12", "12.1.2."),
    Q("程式當掉了，要怎麼用 gdb 拿到 backtrace 附在 bug 回報裡？", SAME, "reference/ch12", "12.5.3."),
    Q(
        "rsync でディレクトリを丸ごと別のマシンにコピーするにはどうすればいいですか？",
        SAME,
        "reference/ch10",
        "10.1.4.",
    ),
    Q(
        "Windows でも使える USB メモリにしたいのですが、どのファイルシステムでフォーマットすればいいですか？",
        SAME,
        "reference/ch10",
        "10.1.8.",
    ),
    Q("데비안을 CD로 구워서 팔아도 되나요? 데비안에 돈을 내야 하나요?", SAME, "faq/redistributing", "14.1."),
    # Keyword.
    Q("gnome-tweaks", KEYWORD, "reference/ch07", "7.3."),
    Q("secret-tool lookup", KEYWORD, "reference/ch10", "10.3.6."),
    Q("tar -cvJf", KEYWORD, "reference/ch10", "10.1.3."),
    Q("checkbashisms", KEYWORD, "reference/ch12", "12.1.1."),
    Q("perl -lane", KEYWORD, "reference/ch12", "12.2.4."),
    # Cross-language: the answer is written only in another language.
    Q("How do I encrypt a file with just a passphrase using gpg?", CROSS, "reference/ch10", "10.3.2."),
    Q("How can I copy text to the clipboard from a terminal command?", CROSS, "reference/ch07", "7.9."),
    Q("How do I see which shared libraries a program needs?", CROSS, "reference/ch12", "12.5.5."),
    Q("Debian プロジェクトにお金を寄付したいのですが、どうすればいいですか？", CROSS, "faq/contributing", "13.3."),
    Q(
        "別の PC の GNOME デスクトップを遠隔操作したいのですが、どんなツールがありますか？",
        CROSS,
        "reference/ch07",
        "7.7.",
    ),
    Q(
        "Debian をベースに独自のディストリビューションを作って、自分のアプリを載せてもいいですか？",
        CROSS,
        "faq/redistributing",
        "14.3.",
    ),
    Q("데비안 미러 서버를 제공해서 프로젝트를 돕고 싶어요. 어떻게 하면 되나요?", CROSS, "faq/contributing", "13.2."),
    Q("깃에서 커밋할 때 쓸 이름과 이메일 주소는 어떻게 설정하나요?", CROSS, "reference/ch10", "10.5.1."),
    Q("C 프로그램에서 메모리 누수를 찾으려면 어떤 도구를 쓰나요?", CROSS, "reference/ch12", "12.5.8."),
    Q("怎样用 MD5 校验文件有没有损坏？", CROSS, "reference/ch10", "10.3.5."),
    Q("我想成為 Debian 開發者，要從哪裡開始？", CROSS, "faq/contributing", "13.1."),
    # Traditional <-> Simplified: the question in one script, the answer only in the other.
    Q("要怎麼判斷一個視窗程式是跑在 Wayland 還是 X 上？", SCRIPT, "reference/ch07", "7.2."),
    Q("中文的逗號和句號顯示成別國的字形，字型要怎麼設定？", SCRIPT, "reference/ch07", "7.5.2."),
    Q("如何透過 SSH 在自己的電腦上顯示遠端主機的圖形程式？", SCRIPT, "reference/ch07", "7.8.2."),
    Q("用 ./configure 和 make install 装的软件要怎么卸载？", SCRIPT, "reference/ch12", "12.6.2.2."),
    Q("gdb 里怎么打印多线程程序所有线程的调用栈？", SCRIPT, "reference/ch12", "12.5.4."),
    Q("想用 gdb 调试 Debian 自带的程序，需要装什么调试符号包？", SCRIPT, "reference/ch12", "12.5.2."),
    Q("怎么检查一个 Python 脚本有没有语法错误？", SCRIPT, "reference/ch12", "12.2.1."),
    # No document answers these.
    Q("How do I make GDM log me in automatically when the computer starts?", NONE),
    Q("Should I enable TRIM for my SSD on Debian, and how?", NONE),
    Q("Debian 上能直接运行安卓应用吗？", NONE),
    Q("怎麼在 Debian 上架設 Minecraft 伺服器？", NONE),
    Q("ノートパソコンの画面の明るさを Debian で調整するには？", NONE),
    Q("데비안에서 Wine으로 윈도우 프로그램을 실행하려면?", NONE),
    Q("데비안 시스템의 시간대를 서울로 바꾸려면?", NONE),
]

HELD_OUT_V4 = [
    # Same language.
    Q(
        "My PC only runs Windows. Can I start the Debian installer from Windows without changing the BIOS settings?",
        SAME,
        "faq/nextrelease",
        "15.3.",
    ),
    Q(
        "Is Debian doing anything to protect its programs against attacks like stack smashing?",
        SAME,
        "faq/nextrelease",
        "15.1.",
    ),
    Q("怎么把两个 PDF 文件合并成一个？", SAME, "reference/ch11", "11.4.2."),
    Q("从 Windows 拷过来的文本文件每行末尾都有 ^M，怎么转成 Unix 的格式？", SAME, "reference/ch11", "11.1.4."),
    Q("怎样把一个网页的内容保存成纯文本文件？", SAME, "reference/ch11", "11.1.7."),
    Q("groff 输出的文本里夹着很多 ^H 和下划线，怎么去掉？", SAME, "reference/ch11", "11.3.1."),
    Q("데비안 FAQ에서 틀린 내용을 발견하면 어디로 알려야 하나요?", SAME, "faq/faqinfo", "16.2."),
    Q("데비안 FAQ를 PDF나 텍스트 파일로 내려받을 수 있나요?", SAME, "faq/faqinfo", "16.3."),
    # Keyword.
    Q("rpm2cpio", KEYWORD, "reference/ch11", "11.7."),
    Q("xmllint", KEYWORD, "reference/ch11", "11.2.4."),
    Q("xsltproc", KEYWORD, "reference/ch11", "11.2.2."),
    Q("munpack", KEYWORD, "reference/ch11", "11.5."),
    Q("Debian Release Goals", KEYWORD, "faq/nextrelease", "Chapter 15."),
    # Cross-language: the answer is written only in another language.
    Q("How can I check whether a text file is valid UTF-8?", CROSS, "reference/ch11", "11.1.2."),
    Q("Is there a free OCR program that turns scanned pages into text?", CROSS, "reference/ch11", "11.6."),
    Q(
        "Shift_JIS で保存された古い Windows のテキストファイルを、vim で文字化けさせずに開くには？",
        CROSS,
        "reference/ch11",
        "11.1.6.",
    ),
    Q(
        "コマンドの --help の出力から man ページを自動で作ってくれるツールはありますか？",
        CROSS,
        "reference/ch11",
        "11.3.4.",
    ),
    Q("man 페이지를 프린터로 깔끔하게 인쇄하는 방법이 있나요?", CROSS, "reference/ch11", "11.3.3."),
    Q(
        "Debian の翻訳作業で、いま特に人手が足りないのはどんなところですか？",
        CROSS,
        "faq/nextrelease",
        "15.2.",
    ),
    Q("Debian 的套件在編譯時有加上安全強化的選項嗎？", CROSS, "faq/nextrelease", "15.1."),
    Q("윈도우에서 바로 데비안 설치 프로그램을 시작할 수 있나요?", CROSS, "faq/nextrelease", "15.3."),
    Q("What format is the Debian FAQ written in?", CROSS, "faq/faqinfo", "16.4."),
    Q("Debian FAQ の間違いを見つけたら、どこに連絡すればいいですか？", CROSS, "faq/faqinfo", "16.2."),
    Q("Debian FAQ 现在是谁在维护？", CROSS, "faq/faqinfo", "16.1."),
    # Traditional <-> Simplified: the question in one script, the answer only in the other.
    Q("Big5 編碼的文字檔要怎麼轉成 UTF-8？", SCRIPT, "reference/ch11", "11.1.1."),
    Q("在 vim 裡要怎麼把檔案裡的 Tab 全部換成空白？", SCRIPT, "reference/ch11", "11.1.5."),
    Q("TeX 處理很大的文件時出錯，要怎麼把 pool 的大小調大？", SCRIPT, "reference/ch11", "11.3.2."),
    Q("用 lp 列印時，要怎麼在一張紙上印兩頁？", SCRIPT, "reference/ch11", "11.4.4."),
    Q("怎麼把 LaTeX 文件轉成 Word 能開的格式？", SCRIPT, "reference/ch11", "11.4.3."),
    Q("有什麼工具可以把程式原始碼轉成有語法高亮的 HTML？", SCRIPT, "reference/ch11", "11.1.8."),
    # No document answers these.
    Q("How do I install Zoom for video meetings on Debian?", NONE),
    Q("How can I get an Xbox controller working for games on Debian?", NONE),
    Q("怎样在 Debian 上接两台显示器，做成扩展桌面？", NONE),
    Q("在 Debian 上要怎麼安裝 Spotify 聽音樂？", NONE),
    Q("ノートパソコンのタッチパッドで、タップしてクリックできるようにするには？", NONE),
    Q("데비안에서 Nextcloud 데스크톱 클라이언트로 파일을 동기화하려면?", NONE),
    Q("데비안에서 지문 인식으로 로그인하려면 어떻게 설정하나요?", NONE),
]
