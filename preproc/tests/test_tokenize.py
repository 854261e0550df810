"""Analysing English, Chinese (both scripts), Japanese, Korean and mixed text for retrieval."""

from preproc import fold_chinese, is_identifier, is_traditional, tokenize


def test_english_is_lowercased_stemmed_and_without_stopwords():
    assert tokenize("How do I invite Someone to the Chats?") == ["invit", "someon", "chat"]


def test_english_inflections_share_a_stem():
    assert tokenize("inviting")[0] == tokenize("invited")[0] == tokenize("invites")[0]


def test_identifiers_are_kept_whole_besides_their_words():
    tokens = tokenize("Run docker-compose with --reload, see mod_cache and /etc/apt/sources.list on x86_64")
    for identifier in ("docker-compose", "--reload", "mod_cache", "etc/apt/sources.list", "x86_64"):
        assert identifier in tokens
    assert "docker" in tokens and "reload" in tokens
    assert is_identifier("docker-compose") and is_identifier("ext4") and not is_identifier("compos")


def test_an_identifier_does_not_match_a_word_that_merely_stems_alike():
    assert "docker-compose" not in tokenize("Composables are functions that use the Composition API")


def test_chinese_is_split_into_words_without_question_words():
    assert tokenize("为什么软件包安装失败？") == ["软件", "软件包", "安装", "失败"]


def test_traditional_chinese_folds_to_simplified():
    assert fold_chinese("設定檔案") == "设置文件"
    assert set(tokenize("如何安裝套件？")) == set(tokenize("如何安装套件？"))


def test_taiwan_words_fold_to_the_mainland_words_in_documents_and_questions():
    assert fold_chinese("軟體 程式 資料夾 原始碼 伺服器") == "软件 程序 文件夹 源代码 服务器"
    assert set(tokenize("這個軟體的資料夾在哪裡？")) >= {"软件", "文件夹"}
    # Simplified text keeps its words: tw2sp would read the mainland's 程序 as Taiwan's (进程)
    assert fold_chinese("程序和文件夹") == "程序和文件夹"
    assert "软件" in tokenize("Open the 軟體 menu, then 設定.")  # Traditional words in an English text
    assert is_traditional("如何安裝原始碼套件？") and not is_traditional(
        "升级软件包之前需要备份配置文件吗？参见《說明》"
    )


def test_question_words_are_not_what_a_question_is_about():
    assert tokenize("系統啟動過程分為哪幾個階段？") == tokenize("系统启动过程分为阶段")
    assert tokenize("채팅에 초대하려면 어떻게 하나요?") == ["채팅", "초대"]


def test_japanese_keeps_content_words_in_their_normalised_form():
    assert tokenize("パッケージをインストールするにはどうすればいいですか？") == ["パッケージ", "インストール"]


def test_kanji_alone_are_read_as_japanese_in_a_japanese_document():
    assert tokenize("実行環境", language="ja") == ["実行", "環境"]


def test_korean_drops_particles_and_endings():
    assert tokenize("패키지를 설치하려면 어떻게 해야 하나요?") == ["패키지", "설치"]


def test_mixed_language_text_keeps_both_scripts():
    assert tokenize("复制 invite link 链接") == ["复制", "invit", "link", "链接"]
    assert tokenize("apt-get을 실행합니다") == ["apt-get", "apt", "실행"]


def test_chinese_query_and_passage_share_tokens():
    assert set(tokenize("如何邀请别人？")) & set(tokenize("要邀请别人，复制聊天的邀请链接。"))


def test_full_width_forms_are_normalised():
    assert tokenize("ＭＹＣＨＡＴ １２３") == tokenize("mychat 123")


def test_punctuation_only_gives_no_tokens():
    assert tokenize("?!… 。，") == []
