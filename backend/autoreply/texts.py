# ruff: noqa: E501  (a table of sentences: each reads best on one line)
"""The bot's own fixed texts (help, "I don't know", command errors, /kb replies) in each language it answers in,
in one table: a reply is in the language of the "/" message that asked (English when it has no words to tell).
Every key exists in every language (a test says so); a text's {placeholders} are the same in each."""

import preproc

LANGUAGES = ("en", "zh-Hans", "zh-Hant", "ja", "ko")


def language_of(text: str) -> str:
    """The language of a message, for the bot's reply: en, zh-Hans, zh-Hant, ja or ko (scripts decide; Chinese
    is Traditional when enough of its characters are)."""
    language = preproc.detect_language(text)
    if language == "zh":
        return "zh-Hant" if preproc.is_traditional(text) else "zh-Hans"
    return language if language in LANGUAGES else "en"


def say(key: str, language: str = "en", **values) -> str:
    """The text `key` in `language` (English for a language the bot does not write), filled in with `values`."""
    table = TEXTS.get(language) or TEXTS["en"]
    return table[key].format(**values)


def has(key: str) -> bool:
    return key in TEXTS["en"]


TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "help.header": "Commands:",
        "help.footer": "Anything else after / is a question for /ask.",
        "help.unknown": "There is no /{name}. Type /help for the list.",
        "help.help": "List the commands, or explain one.",
        "help.ask": "Answer a question from this chat's documents, the site's, or the mychat manual.",
        "help.kb": "This chat's own documents, which /ask answers from first.",
        "help.search": "The {count} latest messages of this chat containing the words, with links (documents: /ask).",
        "help.roll": "Roll N dice with M sides (up to {dice}d{sides}).",
        "details.kb": (
            "\n- /kb add, sent as a reply to a message with files, or as the caption of the files themselves, adds "
            "their documents (.txt, .md, .rst, .html, or a .pdf with text) to this chat's knowledge base. Then "
            "/ask <question> answers from them, with a link to the message that carried the file. Only this chat's "
            "members get answers from them. Adding the same file again changes nothing; a new file with the same "
            "name replaces it."
            "\n- /kb list shows them, with who added each."
            "\n- /kb remove <name> removes one: whoever added it, or the chat's owner, can."
        ),
        "did_you_mean": "Did you mean /{name}? Usage: {usage}",
        "failed": "Sorry, /{name} failed ({error}). Try /help {name}.",
        "gave_up": "Sorry, I could not answer that one (it kept failing).",
        "no_answer": "(no answer)",
        "ask.empty": "Ask me something, e.g. /ask how do I invite someone?",
        "ask.unknown": "I don't know that — the documents I have don't cover it. Try `/search <words>`, or ask the chat.",
        "ask.see_also": "See also",
        "kb.chat": "this chat's documents",
        "kb.site": "the site's documents",
        "kb.manual": "the mychat manual",
        "language.en": "English",
        "language.zh": "Chinese",
        "language.ja": "Japanese",
        "language.ko": "Korean",
        "kb.usage": "Usage: /kb list, /kb add (replying to a file) or /kb remove <name>. /help kb explains them.",
        "kb.add_how": (
            "To add a document to this chat's knowledge base, reply to the message that carries it with /kb add "
            "(a .txt, .md, .rst, .html or .pdf file)."
        ),
        "kb.outside_chat": "/kb works inside a chat: it manages that chat's documents.",
        "kb.list_empty": "This chat has no documents of its own yet. Reply to a file with /kb add to add one.",
        "kb.list_header": "This chat's documents ({count}), which /ask answers from first:",
        "kb.list_item": "- {name} — {title} ({passages} passages{who})",
        "kb.added_by": ", added by {user}",
        "kb.remove_usage": "Usage: /kb remove <name> (see /kb list for the names).",
        "kb.remove_not_allowed": "Only whoever added {name} or the chat's owner can remove it.",
        "kb.remove_none": "This chat has no document called \u201c{name}\u201d. See /kb list.",
        "kb.removed": "Removed {name} from this chat's documents.",
        "kb.deleted": (
            "That message was deleted, and its files with it. Send the document again and reply to it with /kb add."
        ),
        "kb.not_member": "Only this chat's members can add documents to it.",
        "kb.no_files": "That message has no files. {how}",
        "kb.added_header": "Added to this chat's documents:",
        "kb.added_item": "- {name} — {title} ({passages} passages{replaced})",
        "kb.replaced": ", replacing the earlier file of that name",
        "kb.known_header": "Already in this chat's documents:",
        "kb.known_item": "- {name} ({passages} passages), the same file: nothing changed",
        "kb.refused_header": "Not added:",
        "kb.refused_item": "- {name}: {reason}",
        "kb.ask_them": (
            "Ask about them with `/ask <question>`: I answer from this chat's documents first, "
            "for this chat's members only. /kb list shows them all."
        ),
        "kb.refused_type": "I can only read text documents (.txt, .md, .rst, .html) and PDFs with text.",
        "kb.refused_size": "too big for me ({size} MB; at most {limit} MB).",
        "kb.refused_empty": "there is no text in it that I can read.",
        "kb.refused_unreadable": "I could not read it ({detail}).",
        "search.outside_chat": "/search works inside a chat: it searches that chat's history. For the documents, use /ask.",
        "search.usage": (
            'Usage: /search <words>, e.g. /search room number (from:@name, "a phrase" and before:2026-01-31 work too)'
        ),
        "search.invalid": "That is not a search I can run.",
        "search.nothing": "Nothing in this chat matches \u201c{query}\u201d. For the documents, try /ask {query}",
        "search.header": "The {count} latest messages matching \u201c{query}\u201d{more}:",
        "search.more": " (there are more)",
        "roll.usage": "Usage: /roll NdM, e.g. /roll 2d6 (1–{dice} dice of 1–{sides} sides).",
    },
    "zh-Hans": {
        "help.header": "命令：",
        "help.footer": "/ 后面的其他内容都会当作问题交给 /ask。",
        "help.unknown": "没有 /{name} 这个命令。输入 /help 查看命令列表。",
        "help.help": "列出所有命令，或者解释其中一个。",
        "help.ask": "根据本聊天的文档、站点文档或 mychat 手册回答问题。",
        "help.kb": "本聊天自己的文档，/ask 会优先从中回答。",
        "help.search": "本聊天中包含这些词的最新 {count} 条消息，附带链接（查文档请用 /ask）。",
        "help.roll": "掷 N 个 M 面的骰子（最多 {dice}d{sides}）。",
        "details.kb": (
            "\n- /kb add：作为对带文件消息的回复发送，或者直接作为文件的说明文字发送，就会把其中的文档（.txt、.md、"
            ".rst、.html，或含文字的 .pdf）加入本聊天的知识库。之后 /ask <问题> 会据此回答，并附上指向携带该文件的"
            "消息的链接。只有本聊天的成员能得到来自这些文档的回答。重复添加同一个文件不会有任何变化；同名的新文件会替换旧文件。"
            "\n- /kb list：列出这些文档以及各自的添加者。"
            "\n- /kb remove <名称>：删除其中一个，添加者或聊天的创建者可以删除。"
        ),
        "did_you_mean": "你是想用 /{name} 吗？用法：{usage}",
        "failed": "抱歉，/{name} 执行失败（{error}）。试试 /help {name}。",
        "gave_up": "抱歉，这个问题我没能回答（一直出错）。",
        "no_answer": "（没有回答）",
        "ask.empty": "请问我一个问题，例如 /ask 如何邀请别人？",
        "ask.unknown": "我不知道——我手头的文档没有涉及这个问题。可以试试 `/search 关键词`，或者问问聊天里的大家。",
        "ask.see_also": "另见",
        "kb.chat": "本聊天的文档",
        "kb.site": "站点文档",
        "kb.manual": "mychat 手册",
        "language.en": "英文",
        "language.zh": "中文",
        "language.ja": "日文",
        "language.ko": "韩文",
        "kb.usage": "用法：/kb list、/kb add（回复一个文件）或 /kb remove <名称>。/help kb 有详细说明。",
        "kb.add_how": "要把文档加入本聊天的知识库，请用 /kb add 回复携带该文档的消息（.txt、.md、.rst、.html 或 .pdf 文件）。",
        "kb.outside_chat": "/kb 只能在聊天中使用：它管理该聊天的文档。",
        "kb.list_empty": "本聊天还没有自己的文档。用 /kb add 回复一个文件即可添加。",
        "kb.list_header": "本聊天的文档（{count} 个），/ask 会优先从中回答：",
        "kb.list_item": "- {name} — {title}（{passages} 段{who}）",
        "kb.added_by": "，由 {user} 添加",
        "kb.remove_usage": "用法：/kb remove <名称>（名称见 /kb list）。",
        "kb.remove_not_allowed": "只有 {name} 的添加者或聊天的创建者才能删除它。",
        "kb.remove_none": "本聊天没有名为“{name}”的文档。请查看 /kb list。",
        "kb.removed": "已从本聊天的文档中删除 {name}。",
        "kb.deleted": "那条消息已被删除，其中的文件也随之删除。请重新发送文档，再用 /kb add 回复它。",
        "kb.not_member": "只有本聊天的成员才能向它添加文档。",
        "kb.no_files": "那条消息没有文件。{how}",
        "kb.added_header": "已加入本聊天的文档：",
        "kb.added_item": "- {name} — {title}（{passages} 段{replaced}）",
        "kb.replaced": "，替换了同名的旧文件",
        "kb.known_header": "本聊天的文档中已经有：",
        "kb.known_item": "- {name}（{passages} 段），同一个文件：没有变化",
        "kb.refused_header": "未添加：",
        "kb.refused_item": "- {name}：{reason}",
        "kb.ask_them": "用 `/ask <问题>` 提问即可：我会优先根据本聊天的文档回答，且只回答本聊天的成员。/kb list 可以列出全部文档。",
        "kb.refused_type": "我只能读取文本文档（.txt、.md、.rst、.html）和含文字的 PDF。",
        "kb.refused_size": "文件太大（{size} MB，最多 {limit} MB）。",
        "kb.refused_empty": "里面没有我能读取的文字。",
        "kb.refused_unreadable": "无法读取（{detail}）。",
        "search.outside_chat": "/search 只能在聊天中使用：它搜索该聊天的历史消息。查文档请用 /ask。",
        "search.usage": '用法：/search <关键词>，例如 /search 教室 号码（也支持 from:@用户名、"短语" 和 before:2026-01-31）',
        "search.invalid": "这个搜索我无法执行。",
        "search.nothing": "本聊天中没有与“{query}”匹配的消息。查文档可以试试 /ask {query}",
        "search.header": "与“{query}”匹配的最新 {count} 条消息{more}：",
        "search.more": "（还有更多）",
        "roll.usage": "用法：/roll NdM，例如 /roll 2d6（1–{dice} 个骰子，每个 1–{sides} 面）。",
    },
    "zh-Hant": {
        "help.header": "指令：",
        "help.footer": "/ 後面的其他內容都會當作問題交給 /ask。",
        "help.unknown": "沒有 /{name} 這個指令。輸入 /help 查看指令列表。",
        "help.help": "列出所有指令，或說明其中一個。",
        "help.ask": "根據本聊天室的文件、站台文件或 mychat 手冊回答問題。",
        "help.kb": "本聊天室自己的文件，/ask 會優先從中回答。",
        "help.search": "本聊天室中包含這些詞的最新 {count} 則訊息，附上連結（查文件請用 /ask）。",
        "help.roll": "擲 N 顆 M 面的骰子（最多 {dice}d{sides}）。",
        "details.kb": (
            "\n- /kb add：作為對帶有檔案的訊息的回覆送出，或直接作為檔案的說明文字送出，就會把其中的文件（.txt、.md、"
            ".rst、.html，或含文字的 .pdf）加入本聊天室的知識庫。之後 /ask <問題> 會據此回答，並附上指向攜帶該檔案的"
            "訊息的連結。只有本聊天室的成員能得到來自這些文件的回答。重複加入同一個檔案不會有任何變化；同名的新檔案會取代舊檔案。"
            "\n- /kb list：列出這些文件以及各自的加入者。"
            "\n- /kb remove <名稱>：移除其中一個，加入者或聊天室的建立者可以移除。"
        ),
        "did_you_mean": "你是要用 /{name} 嗎？用法：{usage}",
        "failed": "抱歉，/{name} 執行失敗（{error}）。試試 /help {name}。",
        "gave_up": "抱歉，這個問題我沒辦法回答（一直出錯）。",
        "no_answer": "（沒有回答）",
        "ask.empty": "請問我一個問題，例如 /ask 如何邀請別人？",
        "ask.unknown": "我不知道——我手上的文件沒有涵蓋這個問題。可以試試 `/search 關鍵字`，或者問問聊天室裡的大家。",
        "ask.see_also": "另見",
        "kb.chat": "本聊天室的文件",
        "kb.site": "站台文件",
        "kb.manual": "mychat 手冊",
        "language.en": "英文",
        "language.zh": "中文",
        "language.ja": "日文",
        "language.ko": "韓文",
        "kb.usage": "用法：/kb list、/kb add（回覆一個檔案）或 /kb remove <名稱>。/help kb 有詳細說明。",
        "kb.add_how": "要把文件加入本聊天室的知識庫，請用 /kb add 回覆攜帶該文件的訊息（.txt、.md、.rst、.html 或 .pdf 檔案）。",
        "kb.outside_chat": "/kb 只能在聊天室中使用：它管理該聊天室的文件。",
        "kb.list_empty": "本聊天室還沒有自己的文件。用 /kb add 回覆一個檔案即可加入。",
        "kb.list_header": "本聊天室的文件（{count} 個），/ask 會優先從中回答：",
        "kb.list_item": "- {name} — {title}（{passages} 段{who}）",
        "kb.added_by": "，由 {user} 加入",
        "kb.remove_usage": "用法：/kb remove <名稱>（名稱見 /kb list）。",
        "kb.remove_not_allowed": "只有 {name} 的加入者或聊天室的建立者才能移除它。",
        "kb.remove_none": "本聊天室沒有名為「{name}」的文件。請查看 /kb list。",
        "kb.removed": "已從本聊天室的文件中移除 {name}。",
        "kb.deleted": "那則訊息已被刪除，其中的檔案也一併刪除。請重新傳送文件，再用 /kb add 回覆它。",
        "kb.not_member": "只有本聊天室的成員才能加入文件。",
        "kb.no_files": "那則訊息沒有檔案。{how}",
        "kb.added_header": "已加入本聊天室的文件：",
        "kb.added_item": "- {name} — {title}（{passages} 段{replaced}）",
        "kb.replaced": "，取代了同名的舊檔案",
        "kb.known_header": "本聊天室的文件中已經有：",
        "kb.known_item": "- {name}（{passages} 段），同一個檔案：沒有變化",
        "kb.refused_header": "未加入：",
        "kb.refused_item": "- {name}：{reason}",
        "kb.ask_them": "用 `/ask <問題>` 提問即可：我會優先根據本聊天室的文件回答，且只回答本聊天室的成員。/kb list 可以列出全部文件。",
        "kb.refused_type": "我只能讀取文字文件（.txt、.md、.rst、.html）和含文字的 PDF。",
        "kb.refused_size": "檔案太大（{size} MB，最多 {limit} MB）。",
        "kb.refused_empty": "裡面沒有我能讀取的文字。",
        "kb.refused_unreadable": "無法讀取（{detail}）。",
        "search.outside_chat": "/search 只能在聊天室中使用：它搜尋該聊天室的歷史訊息。查文件請用 /ask。",
        "search.usage": '用法：/search <關鍵字>，例如 /search 教室 號碼（也支援 from:@使用者名稱、"片語" 和 before:2026-01-31）',
        "search.invalid": "這個搜尋我無法執行。",
        "search.nothing": "本聊天室中沒有符合「{query}」的訊息。查文件可以試試 /ask {query}",
        "search.header": "符合「{query}」的最新 {count} 則訊息{more}：",
        "search.more": "（還有更多）",
        "roll.usage": "用法：/roll NdM，例如 /roll 2d6（1–{dice} 顆骰子，每顆 1–{sides} 面）。",
    },
    "ja": {
        "help.header": "コマンド：",
        "help.footer": "/ の後に書いたそれ以外のものは /ask への質問になります。",
        "help.unknown": "/{name} というコマンドはありません。/help で一覧を表示します。",
        "help.help": "コマンドの一覧、または一つのコマンドの説明を表示します。",
        "help.ask": "このチャットのドキュメント、サイトのドキュメント、または mychat マニュアルから質問に答えます。",
        "help.kb": "このチャット独自のドキュメント。/ask はまずここから答えます。",
        "help.search": "このチャットでその言葉を含む最新の {count} 件のメッセージをリンク付きで表示します（ドキュメントは /ask）。",
        "help.roll": "M 面のサイコロを N 個振ります（最大 {dice}d{sides}）。",
        "details.kb": (
            "\n- /kb add：ファイル付きのメッセージへの返信として、またはファイル自体のキャプションとして送ると、そのドキュメント"
            "（.txt、.md、.rst、.html、またはテキストを含む .pdf）をこのチャットのナレッジベースに追加します。その後 "
            "/ask <質問> がそこから答え、ファイルを送ったメッセージへのリンクを付けます。これらのドキュメントからの回答を"
            "受け取れるのはこのチャットのメンバーだけです。同じファイルをもう一度追加しても何も変わりません。同じ名前の"
            "新しいファイルは古いものを置き換えます。"
            "\n- /kb list：ドキュメントと、それぞれを追加した人を表示します。"
            "\n- /kb remove <名前>：一つを削除します。追加した人かチャットのオーナーが削除できます。"
        ),
        "did_you_mean": "/{name} のことですか？ 使い方：{usage}",
        "failed": "すみません、/{name} は失敗しました（{error}）。/help {name} を見てください。",
        "gave_up": "すみません、この質問には答えられませんでした（失敗が続きました）。",
        "no_answer": "（回答なし）",
        "ask.empty": "何か質問してください。例：/ask 招待するにはどうすればいいですか？",
        "ask.unknown": "わかりません — 手元のドキュメントには書かれていません。`/search キーワード` を試すか、チャットで聞いてみてください。",
        "ask.see_also": "こちらも参照",
        "kb.chat": "このチャットのドキュメント",
        "kb.site": "サイトのドキュメント",
        "kb.manual": "mychat マニュアル",
        "language.en": "英語",
        "language.zh": "中国語",
        "language.ja": "日本語",
        "language.ko": "韓国語",
        "kb.usage": "使い方：/kb list、/kb add（ファイルに返信して）、/kb remove <名前>。詳しくは /help kb。",
        "kb.add_how": (
            "このチャットのナレッジベースにドキュメントを追加するには、そのファイルを送ったメッセージに /kb add で返信してください"
            "（.txt、.md、.rst、.html、.pdf ファイル）。"
        ),
        "kb.outside_chat": "/kb はチャットの中で使います。そのチャットのドキュメントを管理します。",
        "kb.list_empty": "このチャットにはまだ独自のドキュメントがありません。ファイルに /kb add で返信すると追加できます。",
        "kb.list_header": "このチャットのドキュメント（{count} 件）。/ask はまずここから答えます：",
        "kb.list_item": "- {name} — {title}（{passages} 段落{who}）",
        "kb.added_by": "、{user} が追加",
        "kb.remove_usage": "使い方：/kb remove <名前>（名前は /kb list で確認できます）。",
        "kb.remove_not_allowed": "{name} を削除できるのは、追加した人かチャットのオーナーだけです。",
        "kb.remove_none": "このチャットに「{name}」というドキュメントはありません。/kb list を見てください。",
        "kb.removed": "このチャットのドキュメントから {name} を削除しました。",
        "kb.deleted": "そのメッセージは削除され、ファイルも一緒に削除されました。ドキュメントをもう一度送り、/kb add で返信してください。",
        "kb.not_member": "このチャットにドキュメントを追加できるのはメンバーだけです。",
        "kb.no_files": "そのメッセージにはファイルがありません。{how}",
        "kb.added_header": "このチャットのドキュメントに追加しました：",
        "kb.added_item": "- {name} — {title}（{passages} 段落{replaced}）",
        "kb.replaced": "、同じ名前の以前のファイルを置き換え",
        "kb.known_header": "このチャットのドキュメントにすでにあります：",
        "kb.known_item": "- {name}（{passages} 段落）、同じファイルのため変更なし",
        "kb.refused_header": "追加しなかったもの：",
        "kb.refused_item": "- {name}：{reason}",
        "kb.ask_them": (
            "`/ask <質問>` で質問してください。このチャットのドキュメントから優先して、このチャットのメンバーにだけ答えます。"
            "/kb list で一覧を表示します。"
        ),
        "kb.refused_type": "読めるのはテキストのドキュメント（.txt、.md、.rst、.html）とテキストを含む PDF だけです。",
        "kb.refused_size": "大きすぎます（{size} MB、上限は {limit} MB）。",
        "kb.refused_empty": "読み取れるテキストがありません。",
        "kb.refused_unreadable": "読み取れませんでした（{detail}）。",
        "search.outside_chat": "/search はチャットの中で使います。そのチャットの履歴を検索します。ドキュメントは /ask で。",
        "search.usage": '使い方：/search <キーワード>、例：/search 部屋 番号（from:@名前、"フレーズ"、before:2026-01-31 も使えます）',
        "search.invalid": "その検索は実行できません。",
        "search.nothing": "このチャットには「{query}」に一致するメッセージがありません。ドキュメントなら /ask {query} を試してください",
        "search.header": "「{query}」に一致する最新の {count} 件のメッセージ{more}：",
        "search.more": "（ほかにもあります）",
        "roll.usage": "使い方：/roll NdM、例：/roll 2d6（サイコロ 1–{dice} 個、1–{sides} 面）。",
    },
    "ko": {
        "help.header": "명령어:",
        "help.footer": "/ 뒤에 쓴 그 밖의 내용은 모두 /ask에 묻는 질문이 됩니다.",
        "help.unknown": "/{name} 명령어는 없습니다. /help를 입력하면 목록을 볼 수 있습니다.",
        "help.help": "명령어 목록을 보여 주거나 하나를 설명합니다.",
        "help.ask": "이 채팅방의 문서, 사이트 문서 또는 mychat 설명서에서 질문에 답합니다.",
        "help.kb": "이 채팅방만의 문서입니다. /ask는 여기서 먼저 답합니다.",
        "help.search": "이 채팅방에서 그 단어가 들어간 최근 메시지 {count}개를 링크와 함께 보여 줍니다(문서는 /ask).",
        "help.roll": "M면 주사위 N개를 굴립니다(최대 {dice}d{sides}).",
        "details.kb": (
            "\n- /kb add: 파일이 있는 메시지에 답장으로 보내거나 파일 자체의 설명으로 보내면, 그 문서(.txt, .md, .rst, .html "
            "또는 텍스트가 있는 .pdf)를 이 채팅방의 지식 베이스에 추가합니다. 그러면 /ask <질문>이 그 문서에서 답하고, "
            "파일을 보낸 메시지로 가는 링크를 붙입니다. 이 문서에서 나온 답은 이 채팅방 멤버만 받을 수 있습니다. 같은 "
            "파일을 다시 추가해도 바뀌는 것은 없고, 이름이 같은 새 파일은 이전 파일을 대체합니다."
            "\n- /kb list: 문서와 각각 추가한 사람을 보여 줍니다."
            "\n- /kb remove <이름>: 하나를 제거합니다. 추가한 사람이나 채팅방 소유자가 제거할 수 있습니다."
        ),
        "did_you_mean": "/{name}을(를) 말씀하신 건가요? 사용법: {usage}",
        "failed": "죄송합니다. /{name} 실행에 실패했습니다({error}). /help {name}을(를) 참고하세요.",
        "gave_up": "죄송합니다. 이 질문에는 답하지 못했습니다(계속 실패했습니다).",
        "no_answer": "(답변 없음)",
        "ask.empty": "질문을 해 주세요. 예: /ask 다른 사람을 초대하려면 어떻게 하나요?",
        "ask.unknown": "모르겠습니다 — 제가 가진 문서에는 그 내용이 없습니다. `/search 검색어`를 써 보거나 채팅방에 물어보세요.",
        "ask.see_also": "함께 보기",
        "kb.chat": "이 채팅방의 문서",
        "kb.site": "사이트 문서",
        "kb.manual": "mychat 설명서",
        "language.en": "영어",
        "language.zh": "중국어",
        "language.ja": "일본어",
        "language.ko": "한국어",
        "kb.usage": "사용법: /kb list, /kb add(파일에 답장), /kb remove <이름>. 자세한 내용은 /help kb.",
        "kb.add_how": (
            "이 채팅방의 지식 베이스에 문서를 추가하려면 그 파일이 있는 메시지에 /kb add로 답장하세요"
            "(.txt, .md, .rst, .html 또는 .pdf 파일)."
        ),
        "kb.outside_chat": "/kb는 채팅방 안에서 씁니다. 그 채팅방의 문서를 관리합니다.",
        "kb.list_empty": "이 채팅방에는 아직 자체 문서가 없습니다. 파일에 /kb add로 답장하면 추가됩니다.",
        "kb.list_header": "이 채팅방의 문서({count}개). /ask는 여기서 먼저 답합니다:",
        "kb.list_item": "- {name} — {title} ({passages}개 단락{who})",
        "kb.added_by": ", {user} 님이 추가",
        "kb.remove_usage": "사용법: /kb remove <이름> (이름은 /kb list에서 볼 수 있습니다).",
        "kb.remove_not_allowed": "{name}은(는) 추가한 사람이나 채팅방 소유자만 제거할 수 있습니다.",
        "kb.remove_none": "이 채팅방에는 “{name}”이라는 문서가 없습니다. /kb list를 확인하세요.",
        "kb.removed": "이 채팅방의 문서에서 {name}을(를) 제거했습니다.",
        "kb.deleted": "그 메시지는 삭제되었고 파일도 함께 삭제되었습니다. 문서를 다시 보내고 /kb add로 답장하세요.",
        "kb.not_member": "이 채팅방에 문서를 추가할 수 있는 사람은 멤버뿐입니다.",
        "kb.no_files": "그 메시지에는 파일이 없습니다. {how}",
        "kb.added_header": "이 채팅방의 문서에 추가했습니다:",
        "kb.added_item": "- {name} — {title} ({passages}개 단락{replaced})",
        "kb.replaced": ", 같은 이름의 이전 파일을 대체함",
        "kb.known_header": "이미 이 채팅방의 문서에 있습니다:",
        "kb.known_item": "- {name} ({passages}개 단락), 같은 파일이라 바뀐 것 없음",
        "kb.refused_header": "추가하지 않은 파일:",
        "kb.refused_item": "- {name}: {reason}",
        "kb.ask_them": (
            "`/ask <질문>`으로 물어보세요. 이 채팅방의 문서에서 먼저, 이 채팅방 멤버에게만 답합니다. "
            "/kb list로 전체 목록을 볼 수 있습니다."
        ),
        "kb.refused_type": "텍스트 문서(.txt, .md, .rst, .html)와 텍스트가 있는 PDF만 읽을 수 있습니다.",
        "kb.refused_size": "너무 큽니다({size}MB, 최대 {limit}MB).",
        "kb.refused_empty": "읽을 수 있는 텍스트가 없습니다.",
        "kb.refused_unreadable": "읽지 못했습니다({detail}).",
        "search.outside_chat": "/search는 채팅방 안에서 씁니다. 그 채팅방의 기록을 검색합니다. 문서는 /ask를 쓰세요.",
        "search.usage": '사용법: /search <검색어>, 예: /search 강의실 번호 (from:@이름, "구문", before:2026-01-31도 쓸 수 있습니다)',
        "search.invalid": "그 검색은 실행할 수 없습니다.",
        "search.nothing": "이 채팅방에는 “{query}”와(과) 일치하는 메시지가 없습니다. 문서에서 찾으려면 /ask {query}를 써 보세요",
        "search.header": "“{query}”와(과) 일치하는 최근 메시지 {count}개{more}:",
        "search.more": " (더 있습니다)",
        "roll.usage": "사용법: /roll NdM, 예: /roll 2d6 (주사위 1–{dice}개, 1–{sides}면).",
    },
}
