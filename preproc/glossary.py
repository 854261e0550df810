"""A small hand-made glossary of everyday software words in English, Chinese, Japanese and Korean: what lets
a question reach a passage in another language when no translation of that passage exists. Generic terms
only (no product's jargon); identifiers, commands and numbers need no glossary, they match as they are."""

from functools import lru_cache

# One concept a line: English | Chinese (Simplified; Traditional folds to it) | Japanese | Korean.
# Alternatives are separated by "/".
_CONCEPTS = """
install/installation | 安装 | インストール/導入 | 설치
uninstall/remove | 卸载/删除/移除 | アンインストール/削除 | 제거/삭제
package | 软件包/包/套件 | パッケージ | 패키지
upgrade | 升级 | アップグレード | 업그레이드
update | 更新 | 更新/アップデート | 업데이트/갱신
download | 下载 | ダウンロード | 다운로드
file | 文件/档案 | ファイル | 파일
directory/folder | 目录/文件夹 | ディレクトリ/フォルダ | 디렉터리/디렉토리/폴더
command | 命令/指令 | コマンド | 명령/명령어
option | 选项 | オプション | 옵션
configuration/configure/setting/settings | 配置/设置/设定 | 設定/構成 | 설정/구성
configuration file | 配置文件 | 設定ファイル | 설정 파일
user | 用户/使用者 | ユーザー/ユーザ | 사용자
password | 密码 | パスワード | 비밀번호/암호
permission | 权限 | 権限/パーミッション | 권한
group | 组/群组 | グループ | 그룹
network | 网络 | ネットワーク | 네트워크
server | 服务器 | サーバー/サーバ | 서버
client | 客户端 | クライアント | 클라이언트
kernel | 内核 | カーネル | 커널
module | 模块 | モジュール | 모듈
driver | 驱动/驱动程序 | ドライバ/ドライバー | 드라이버
hardware | 硬件 | ハードウェア | 하드웨어
software | 软件 | ソフトウェア | 소프트웨어
program/application | 程序/应用/应用程序 | プログラム/アプリケーション | 프로그램/애플리케이션
source | 源/源代码/源码 | ソース | 소스
source code | 源代码/源码/原始码 | ソースコード | 소스 코드
binary | 二进制 | バイナリ | 바이너리
compile | 编译 | コンパイル | 컴파일
build | 构建/编译 | ビルド | 빌드
error | 错误 | エラー | 오류/에러
warning | 警告 | 警告 | 경고
version | 版本 | バージョン | 버전
release | 发布/发行版 | リリース | 릴리스
debian | debian | debian | 데비안
linux | linux | linux | 리눅스
ubuntu | ubuntu | ubuntu | 우분투
windows | windows | windows | 윈도우
distribution | 发行版 | ディストリビューション | 배포판
architecture | 架构 | アーキテクチャ | 아키텍처
system | 系统 | システム | 시스템
boot/startup | 启动/引导/开机 | 起動/ブート | 부팅/시작
shutdown | 关机 | シャットダウン | 종료
restart/reboot | 重启 | 再起動 | 재시작/재부팅
service | 服务 | サービス | 서비스
daemon | 守护进程 | デーモン | 데몬
process | 进程 | プロセス | 프로세스
memory | 内存 | メモリ | 메모리
disk | 磁盘/硬盘 | ディスク | 디스크
partition | 分区 | パーティション | 파티션
mount | 挂载 | マウント | 마운트
device | 设备 | デバイス/装置 | 장치/디바이스
keyboard | 键盘 | キーボード | 키보드
font | 字体 | フォント | 글꼴/폰트
language | 语言 | 言語 | 언어
locale | 语言环境/区域设置 | ロケール | 로케일
character/encoding | 字符/编码 | 文字/エンコーディング | 문자/인코딩
input method | 输入法 | インプットメソッド/入力メソッド | 입력기
translation | 翻译 | 翻訳 | 번역
environment variable | 环境变量 | 環境変数 | 환경 변수
variable | 变量 | 変数 | 변수
path | 路径 | パス | 경로
log | 日志 | ログ | 로그
cache | 缓存 | キャッシュ | 캐시
proxy | 代理 | プロキシ | 프록시
mirror | 镜像 | ミラー | 미러
repository/archive | 仓库/存档/档案库 | リポジトリ/アーカイブ | 저장소/아카이브
dependency/depends | 依赖 | 依存/依存関係 | 의존성/의존
conflict | 冲突 | 衝突/競合 | 충돌
security | 安全 | セキュリティ | 보안
vulnerability | 漏洞 | 脆弱性 | 취약점
bug | 缺陷/错误/漏洞 | バグ | 버그
report | 报告 | 報告/レポート | 보고/보고서
mailing list | 邮件列表 | メーリングリスト | 메일링 리스트
support | 支持 | サポート | 지원
documentation/manual | 文档/手册 | ドキュメント/マニュアル | 문서/설명서
license | 许可证/许可 | ライセンス | 라이선스
free | 自由/免费 | フリー/自由 | 자유/무료
copy | 复制/拷贝 | コピー | 복사
delete | 删除 | 削除 | 삭제
create | 创建 | 作成 | 생성/만들기
edit | 编辑 | 編集 | 편집
save | 保存 | 保存 | 저장
search/find | 搜索/查找 | 検索 | 검색/찾기
list | 列表/列出 | 一覧/リスト | 목록
show/display | 显示 | 表示 | 표시/보기
run/execute | 运行/执行 | 実行 | 실행
stop | 停止 | 停止 | 중지/정지
start | 启动/开始 | 開始/起動 | 시작
test | 测试 | テスト | 테스트
backup | 备份 | バックアップ | 백업
restore | 恢复 | 復元 | 복원
time | 时间 | 時間/時刻 | 시간
date | 日期 | 日付 | 날짜
screen/display | 屏幕 | 画面 | 화면
window | 窗口 | ウィンドウ | 창/윈도우
terminal/console | 终端/控制台 | 端末/ターミナル/コンソール | 터미널/콘솔
shell | 外壳/shell | シェル | 셸/쉘
script | 脚本 | スクリプト | 스크립트
library | 库 | ライブラリ | 라이브러리
interface | 界面/接口 | インターフェース/インタフェース | 인터페이스
graphical | 图形 | グラフィカル | 그래픽
desktop | 桌面 | デスクトップ | 데스크톱
browser | 浏览器 | ブラウザ | 브라우저
internet | 互联网 | インターネット | 인터넷
address | 地址 | アドレス | 주소
port | 端口 | ポート | 포트
email/mail | 邮件/电子邮件 | メール | 메일/이메일
printer | 打印机 | プリンタ/プリンター | 프린터
sound/audio | 声音/音频 | サウンド/音声 | 소리/오디오
image/picture | 图像/图片 | 画像 | 이미지/그림
layer | 图层 | レイヤー | 레이어
tool | 工具 | ツール | 도구
key | 键/密钥 | キー/鍵 | 키
signature | 签名 | 署名 | 서명
maintainer | 维护者 | メンテナ/メンテナー | 관리자
developer | 开发者 | 開発者 | 개발자
project | 项目 | プロジェクト | 프로젝트
branch | 分支 | ブランチ | 브랜치
commit | 提交 | コミット | 커밋
merge | 合并 | マージ | 병합
container | 容器 | コンテナ | 컨테이너
database | 数据库 | データベース | 데이터베이스
table | 表/表格 | テーブル/表 | 테이블/표
query | 查询 | クエリ/問い合わせ | 쿼리/질의
request | 请求 | リクエスト | 요청
response | 响应 | レスポンス/応答 | 응답
virtual host | 虚拟主机 | バーチャルホスト | 가상 호스트
authentication | 认证/身份验证 | 認証 | 인증
encryption | 加密 | 暗号化 | 암호화
certificate | 证书 | 証明書 | 인증서
timeout | 超时 | タイムアウト | 시간 초과/타임아웃
limit | 限制 | 制限 | 제한
size | 大小 | サイズ | 크기
free space | 空间/可用空间 | 空き容量 | 여유 공간
old/obsolete | 旧/过时 | 古い | 오래된
new | 新 | 新しい | 새
automatic | 自动 | 自動 | 자동
manual/manually | 手动 | 手動 | 수동
default | 默认 | デフォルト/既定 | 기본/기본값
stable | 稳定 | 安定 | 안정
unstable | 不稳定 | 不安定 | 불안정
testing | 测试 | テスト | 테스트
message | 消息/信息/讯息 | メッセージ | 메시지
information | 信息/资讯 | 情報 | 정보
example | 例子/示例 | 例 | 예/예제
name | 名称/名字 | 名前 | 이름
format | 格式 | 形式/フォーマット | 형식/포맷
status/state | 状态 | 状態 | 상태
mode | 模式 | モード | 모드
environment | 环境 | 環境 | 환경
compatible/compatibility | 兼容 | 互換/互換性 | 호환/호환성
account | 账户/帐户 | アカウント | 계정
enable | 启用 | 有効 | 활성화
disable | 禁用 | 無効 | 비활성화
check/verify | 检查 | 確認 | 확인
access | 访问 | アクセス | 접근/액세스
help | 帮助 | ヘルプ | 도움말
input | 输入 | 入力 | 입력
load | 加载/载入 | 読み込む/ロード | 로드/불러오기
safe/safely | 安全 | 安全 | 안전
provide | 提供 | 提供 | 제공
custom | 自定义/定制 | カスタム | 사용자 정의/커스텀
output | 输出 | 出力 | 출력
chat | 聊天 | チャット | 채팅
invite/invitation | 邀请 | 招待 | 초대
link | 链接 | リンク | 링크
member | 成员 | メンバー | 멤버
upload | 上传 | アップロード | 업로드
attachment | 附件 | 添付 | 첨부
notification | 通知 | 通知 | 알림
mention | 提及 | メンション | 멘션
unread | 未读 | 未読 | 안 읽은
""".strip()

LANGUAGES = ("en", "zh", "ja", "ko")


@lru_cache(maxsize=1)
def glossary() -> dict[str, set[str]]:
    """term -> its translations (as analysed terms) in every other language, and its synonyms in its own
    (软件包 / 套件: the words Taiwan and the mainland use differ). A form that analyses to several words
    ("mailing list" -> "mail list", 메일링 리스트) is a phrase: its words joined by a space, found in a text only
    when all of them are (see `phrases`)."""
    from .analyzers import fold_chinese, tokenize  # the glossary's words are analysed like any text

    table: dict[str, set[str]] = {}
    for line in _CONCEPTS.split("\n"):
        columns = [column.strip() for column in line.split("|")]
        forms: dict[str, set[str]] = {}
        for language, column in zip(LANGUAGES, columns, strict=True):
            terms: set[str] = set()
            for alternative in column.split("/"):
                analysed = tokenize(alternative.strip(), language=language)
                if len(analysed) == 1:
                    terms.update(analysed)
                elif language == "zh" and fold_chinese(alternative.strip()) in analysed:
                    terms.add(fold_chinese(alternative.strip()))  # 软件包, which jieba also splits into 软件
                elif analysed:
                    terms.add(" ".join(dict.fromkeys(analysed)))
            forms[language] = terms
        every = set().union(*forms.values())
        for terms in forms.values():
            for term in terms:
                table.setdefault(term, set()).update(every - {term})
    return table


@lru_cache(maxsize=1)
def phrases() -> list[tuple[str, frozenset[str]]]:
    """The glossary's phrases: (the phrase, its words)."""
    return [(term, frozenset(term.split(" "))) for term in sorted(glossary()) if " " in term]
