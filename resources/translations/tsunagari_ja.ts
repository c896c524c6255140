<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddSlotDialog</name>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="36"/>
        <location filename="../../ui/dialogs/slot_dialog.py" line="40"/>
        <source>Add a workshop to today</source>
        <translation>本日のワークショップを追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="54"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="57"/>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="58"/>
        <source>Starts at</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="59"/>
        <source>Length</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="60"/>
        <source>Places</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="64"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/slot_dialog.py" line="64"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="133"/>
        <source>Pair a venue PC</source>
        <translation>会場PCのペアリング</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="138"/>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="140"/>
        <source>Answer from the venue PC “%1” (%2).</source>
        <translation>「%1」（%2）からの返信です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="148"/>
        <source>Does the venue PC&apos;s screen show this same number?</source>
        <translation>会場PCの画面にも、同じ番号が出ていますか？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="155"/>
        <source>Pair only if both screens show the same six digits. If they differ, the file may have been swapped on the way: cancel, and start again with a new invitation.</source>
        <translation>両方の画面に同じ6桁の番号が出ているときだけ、ペアリングしてください。番号が違うときは、途中でファイルがすり替えられたおそれがあります。中止して、新しい招待からやり直してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="164"/>
        <source>The numbers differ (cancel)</source>
        <translation>番号が違う（中止）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="168"/>
        <source>Same number: pair this PC</source>
        <translation>同じ番号なのでペアリングする</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <location filename="../../ui/dialogs/app_dialog.py" line="244"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="56"/>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="61"/>
        <source>Audit log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="65"/>
        <source>Every change, newest first: what, when and on which device. It holds codes and counts, never nicknames or notes.</source>
        <translation>すべての変更を新しい順に表示します（何を・いつ・どの端末で）。記録するのはコードと件数だけで、ニックネームやメモは含みません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="77"/>
        <source>From</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="96"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="98"/>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="108"/>
        <source>Device</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="99"/>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="106"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="105"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="107"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="109"/>
        <source>Entity</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="120"/>
        <source>‹ Newer</source>
        <translation>‹ 新しい方へ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="121"/>
        <source>Older ›</source>
        <translation>古い方へ ›</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="130"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="157"/>
        <source>All devices</source>
        <translation>すべての端末</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="159"/>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="208"/>
        <source> (this device)</source>
        <translation>（この端末）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="161"/>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="230"/>
        <source>No lines</source>
        <translation>記録はありません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_log_dialog.py" line="235"/>
        <source>%1–%2 of %3</source>
        <translation>%1〜%2件目（全%3件）</translation>
    </message>
</context>
<context>
    <name>BackupsCard</name>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="40"/>
        <source>at start</source>
        <translation>起動時</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="41"/>
        <source>day closed</source>
        <translation>閉所時</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="42"/>
        <source>by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="43"/>
        <source>before an update</source>
        <translation>更新前</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="44"/>
        <source>before an import</source>
        <translation>取り込み前</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="60"/>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="63"/>
        <source>A copy is made at start once a day, when a day is closed and before an update. The last 14 days and 8 weeks are kept. An import is undone under Data exchange (Undo this import…), without restoring a copy.</source>
        <translation>1日1回の起動時、受付を閉じたとき、更新の前に控えを作ります。直近14日分と8週分を残します。取り込みの取り消しは、控えを戻さずに「会場間のデータ交換」の「この取り込みを取り消す…」でできます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="79"/>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="82"/>
        <source>Restore…</source>
        <translation>戻す…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="93"/>
        <source>Backups are made only of the database in the data folder.</source>
        <translation>バックアップはデータフォルダのデータベースだけが対象です。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="110"/>
        <source>No backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="129"/>
        <source>Backed up: %1</source>
        <translation>バックアップしました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="139"/>
        <source>Restore a backup</source>
        <translation>バックアップから戻す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="141"/>
        <source>Put the backup of %1 in place of the database? What was saved after it will not be in the app; the current file is kept aside, not deleted.</source>
        <translation>%1 のバックアップでデータベースを置き換えますか？それ以降に保存した内容はアプリから見えなくなります。今のファイルは消さずに別に残します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="144"/>
        <source>Restore the backup</source>
        <translation>バックアップに戻す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="145"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="157"/>
        <source>Restored</source>
        <translation>戻しました</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="158"/>
        <source>The backup is restored. The app will now reopen the database.</source>
        <translation>バックアップから戻しました。これからデータベースを開き直します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="159"/>
        <source>Reopen</source>
        <translation>開き直す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="176"/>
        <source>Restore the latest backup now? Or start with an empty database (the damaged file stays set aside).</source>
        <translation>最新のバックアップに戻しますか？それとも空のデータベースで始めますか？（傷んだファイルは別に残します）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="182"/>
        <source>Start with an empty database? The damaged file stays set aside.</source>
        <translation>空のデータベースで始めますか？傷んだファイルは別に残します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="186"/>
        <source>Close the app</source>
        <translation>アプリを閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="189"/>
        <source>Start with an empty database</source>
        <translation>空のデータベースで始める</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_card.py" line="197"/>
        <source>Restore the latest backup</source>
        <translation>最新のバックアップに戻す</translation>
    </message>
</context>
<context>
    <name>CapacityField</name>
    <message>
        <location filename="../../ui/widgets/capacity_field.py" line="17"/>
        <source>No limit</source>
        <translation>定員なし</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="57"/>
        <source>Nickname (optional, never a real name): type to find a regular</source>
        <translation>ニックネーム（任意・本名は不要）：入力して検索</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="63"/>
        <source>Not her</source>
        <translation>別の方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="90"/>
        <source>First time</source>
        <translation>はじめて</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="90"/>
        <source>Been before</source>
        <translation>2回目以上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="93"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="93"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="110"/>
        <source>Age</source>
        <translation>年代</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="111"/>
        <source>Lives</source>
        <translation>お住まい</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="112"/>
        <source>Visit</source>
        <translation>来場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="113"/>
        <source>Heard via
(optional)</source>
        <translation>知ったきっかけ
（任意）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="101"/>
        <source>Consultation</source>
        <translation>相談希望</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="173"/>
        <source>Regular: %1 (answers from her last visit)</source>
        <translation>リピーター：%1 さん（前回の回答を表示中）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="205"/>
        <source>Regulars:</source>
        <translation>リピーター：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="208"/>
        <source>No regular found: this nickname will be registered.</source>
        <translation>該当なし：このニックネームで新しく登録します。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="234"/>
        <source>Please choose her age group (or “No answer”).</source>
        <translation>年代を選んでください（答えたくない場合は「無回答」）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_form.py" line="237"/>
        <source>Please choose the age of child %1.</source>
        <translation>子ども%1の年齢を選んでください。</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="132"/>
        <source>Clear (Esc)</source>
        <translation>クリア（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="135"/>
        <source>Count only, no questions</source>
        <translation>回答なしで受付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="139"/>
        <source>For a visitor who prefers not to answer: counted, every answer “No answer”.</source>
        <translation>質問に答えたくない方：人数だけ数え、回答はすべて「無回答」になります。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="142"/>
        <source>Check in (Enter)</source>
        <translation>受付する（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="192"/>
        <source>Today&apos;s check-ins</source>
        <translation>本日の受付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="200"/>
        <source>Undo last (Ctrl+Z)</source>
        <translation>直前を取り消す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="203"/>
        <source>Cancel selected…</source>
        <translation>選んだ受付を取り消す…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="240"/>
        <source>Check-in has not started today.
Press “Open today&apos;s check-in” above (Ctrl+O).</source>
        <translation>本日の受付はまだ始まっていません。
上の「本日の受付を開始」を押してください（Ctrl+O）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="244"/>
        <source>Today&apos;s check-in is closed. Thank you for today!</source>
        <translation>本日の受付は終了しました。今日もありがとうございました！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="260"/>
        <source>count only</source>
        <translation>回答なし</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="264"/>
        <source>first time</source>
        <translation>はじめて</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="269"/>
        <source>childcare %1</source>
        <translation>託児%1人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="272"/>
        <source>(cancelled)</source>
        <translation>（取消）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="294"/>
        <source>Next visitor: choose her age group and press Enter. A nickname is optional.</source>
        <translation>次の方：年代を選んで Enter。ニックネームは任意です。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="338"/>
        <source>Checked in: No. %1</source>
        <translation>受付しました：No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="341"/>
        <source>workshops: Ctrl+W</source>
        <translation>ワークショップ申込：Ctrl+W</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="389"/>
        <source>There is no check-in to undo.</source>
        <translation>取り消せる受付がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="395"/>
        <source>Undo</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="396"/>
        <source>Undo check-in No. %1 (%2)?</source>
        <translation>No. %1（%2）の受付を取り消しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="399"/>
        <source>Undo the check-in</source>
        <translation>受付を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="400"/>
        <location filename="../../ui/screens/checkin_screen.py" line="423"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="409"/>
        <source>Undone: No. %1</source>
        <translation>No. %1 を取り消しました</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="373"/>
        <location filename="../../ui/screens/checkin_screen.py" line="415"/>
        <source>Select a check-in in the list first.</source>
        <translation>先に一覧から受付を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="146"/>
        <source>Workshops…</source>
        <translation>ワークショップ…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="150"/>
        <source>Sign the visitor just checked in (or the one selected in the list) up for workshops (Ctrl+W).</source>
        <translation>いま受付した方（または一覧で選んだ方）をワークショップに申し込みます（Ctrl+W）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="420"/>
        <source>Cancel a check-in</source>
        <translation>受付の取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="421"/>
        <source>Why is it cancelled? (It stays in the records, marked cancelled.)</source>
        <translation>取り消す理由を選んでください（記録は「取消」として残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/checkin_screen.py" line="435"/>
        <source>Cancelled: No. %1</source>
        <translation>No. %1 を取り消しました</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="33"/>
        <location filename="../../ui/screens/children_editor.py" line="92"/>
        <source>Child %1</source>
        <translation>子ども%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="37"/>
        <source>Allergies etc. (optional)</source>
        <translation>アレルギーなど（任意）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="44"/>
        <source>Remove this child</source>
        <translation>この子を外す</translation>
    </message>
</context>
<context>
    <name>ChildcareScreen</name>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="54"/>
        <source>Hand a child back</source>
        <translation>お迎え（お子さんのお返し）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="58"/>
        <source>Ask the parent for her pickup code and type it. A child goes home only with the right code.</source>
        <translation>保護者にお迎え番号を聞いて入力してください。正しい番号のときだけお返しします。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="77"/>
        <source>Hand back (Enter)</source>
        <translation>お返しする（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="113"/>
        <source>Age</source>
        <translation>年代</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="114"/>
        <source>Care note</source>
        <translation>託児メモ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="112"/>
        <source>Check-in No.</source>
        <translation>受付No.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="70"/>
        <source>Pickup code</source>
        <translation>お迎え番号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="100"/>
        <source>Reprint label…</source>
        <translation>ラベルを再印刷…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="102"/>
        <source>Prints the pickup label of the child selected in the list, for her parent.</source>
        <translation>一覧で選んだお子さんのお迎えラベルを、保護者の方のために印刷し直します。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="115"/>
        <source>Arrived</source>
        <translation>預かり</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="116"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="141"/>
        <source>In care now: %1   ・   Today: %2</source>
        <translation>託児中：%1人   ・   本日：%2人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="153"/>
        <source>in care</source>
        <translation>託児中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="160"/>
        <source>picked up %1</source>
        <translation>お迎え済 %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="188"/>
        <source>Handed back: the child of No. %1 (%2). See you next time!</source>
        <translation>お返ししました：No. %1 のお子さん（%2）。またお待ちしています！</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="208"/>
        <source>This child has already been picked up.</source>
        <translation>このお子さんはお迎え済みです。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="212"/>
        <source>Reprint a pickup label</source>
        <translation>お迎えラベルの再印刷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="214"/>
        <source>Print the pickup label of the child of No. %1 (%2) again?
It shows her pickup code: give it to her parent only.</source>
        <translation>No. %1 のお子さん（%2）のお迎えラベルを印刷し直しますか？
お迎え番号が載っています。保護者の方にだけお渡しください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="219"/>
        <source>Print</source>
        <translation>印刷する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="220"/>
        <source>Go back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/childcare_screen.py" line="204"/>
        <source>Select a child in the list first.</source>
        <translation>先に一覧からお子さんを選んでください。</translation>
    </message>
</context>
<context>
    <name>ChildrenEditor</name>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="107"/>
        <source>Childcare</source>
        <translation>託児</translation>
    </message>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="110"/>
        <source>+ Add a child for childcare</source>
        <translation>＋ 託児の子どもを追加</translation>
    </message>
    <message>
        <location filename="../../ui/screens/children_editor.py" line="112"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
</context>
<context>
    <name>ConsultationDayList</name>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="42"/>
        <source>Records of the day</source>
        <translation>この日の記録</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="56"/>
        <source>Cancel the selected record…</source>
        <translation>選んだ記録を取り消す…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="90"/>
        <source>(cancelled)</source>
        <translation>（取消）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="103"/>
        <source>Consultations %1 ・ referrals %2 ・ case meetings %3</source>
        <translation>相談 %1件 ・ つなぎ %2件 ・ ケース会議 %3件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="109"/>
        <source>Nothing recorded for this day yet.</source>
        <translation>この日の記録はまだありません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="124"/>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="127"/>
        <source>Consultation:</source>
        <translation>相談：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="130"/>
        <source>Referral:</source>
        <translation>つなぎ先：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="132"/>
        <source>(from a consultation)</source>
        <translation>（相談から）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultation_day_list.py" line="135"/>
        <source>Case meeting</source>
        <translation>ケース会議</translation>
    </message>
</context>
<context>
    <name>ConsultationListsCard</name>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="38"/>
        <source>Consultation lists</source>
        <translation>相談記録の選択肢</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="41"/>
        <source>The buttons of the Consultations screen. A hidden entry leaves the buttons but its records still count.</source>
        <translation>相談記録の画面に並ぶボタンです。非表示にした項目はボタンから消えますが、その記録は集計に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="50"/>
        <source>Categories</source>
        <translation>相談の分類</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="50"/>
        <source>Support agencies</source>
        <translation>つなぎ先（支援機関）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="60"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="61"/>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="62"/>
        <source>Hide / show</source>
        <translation>非表示／再表示</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="85"/>
        <source>(added)</source>
        <translation>（追加）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="87"/>
        <source>(hidden)</source>
        <translation>（非表示）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="100"/>
        <source>Select an entry in the list first.</source>
        <translation>先に一覧から項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="116"/>
        <source>Add an entry</source>
        <translation>項目の追加</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="117"/>
        <source>Label (as it will show on the button)</source>
        <translation>表示名（ボタンに表示されます）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="118"/>
        <source>Add it</source>
        <translation>追加する</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="119"/>
        <location filename="../../ui/settings/consultation_lists_card.py" line="137"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="124"/>
        <source>Added.</source>
        <translation>追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="134"/>
        <source>Rename</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="135"/>
        <source>New label (records made under the old one keep counting here)</source>
        <translation>新しい表示名（これまでの記録もこの項目として数えます）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="136"/>
        <source>Change</source>
        <translation>変更する</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="143"/>
        <source>Renamed.</source>
        <translation>名前を変更しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="154"/>
        <source>Shown again.</source>
        <translation>再表示しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/consultation_lists_card.py" line="154"/>
        <source>Hidden.</source>
        <translation>非表示にしました。</translation>
    </message>
</context>
<context>
    <name>ConsultationsScreen</name>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="81"/>
        <source>Consultations</source>
        <translation>相談記録</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="158"/>
        <source>Record a consultation</source>
        <translation>相談の記録</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="161"/>
        <source>Only that a consultation took place is recorded — never what was said. Some of the women who come here may be escaping violence: anything written about them could put them in danger if it were ever seen. Keep the content in your head, not in the computer.</source>
        <translation>記録するのは「相談があったこと」だけで、話の内容は記録しません。来られる方の中には、暴力から逃れている方もいます。書き残したものが万一人の目に触れると、その方を危険にさらすおそれがあるからです。内容はパソコンではなく、心にとどめてください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="188"/>
        <source>not noted</source>
        <translation>未記入</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="189"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="199"/>
        <source>5 minutes less</source>
        <translation>5分減らす</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="200"/>
        <source>5 minutes more</source>
        <translation>5分増やす</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="206"/>
        <source>Linked to: day</source>
        <translation>結び付ける開催日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="209"/>
        <source>Linked to: check-in</source>
        <translation>結び付ける受付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="229"/>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="230"/>
        <source>About</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="231"/>
        <source>Who listened</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="232"/>
        <source>Minutes</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="249"/>
        <source>Record the consultation</source>
        <translation>相談を記録する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="265"/>
        <source>Referral to a support agency</source>
        <translation>支援機関につなぐ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="276"/>
        <source>+ Case meeting…</source>
        <translation>＋ ケース会議…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="278"/>
        <source>A case meeting (個別ケース会議) is counted: venue and date, nothing more.</source>
        <translation>個別ケース会議は回数だけを数えます（会場と日付のみ）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="282"/>
        <source>Record the referral</source>
        <translation>つなぎ先を記録</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="362"/>
        <source>No event (phone, home visit…)</source>
        <translation>開催なし（電話・訪問など）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="386"/>
        <source>Not linked</source>
        <translation>受付と結び付けない</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="399"/>
        <source>No event at this venue on this day: a phone call or a home visit is recorded for the venue and the date.</source>
        <translation>この日、この会場の開催はありません。電話や訪問の相談は、会場と日付で記録します。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="406"/>
        <source>Linking her check-in is optional; lists show its No. only.</source>
        <translation>受付との結び付けは任意です。一覧には受付No.だけを表示します。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="233"/>
        <source>Linked to</source>
        <translation>開催・受付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="533"/>
        <source>Case meeting</source>
        <translation>ケース会議</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="433"/>
        <source>From the consultation just recorded (%1)</source>
        <translation>いま記録した相談（%1）からのつなぎ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="471"/>
        <source>Consultation recorded.</source>
        <translation>相談を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="515"/>
        <source>Referral recorded.</source>
        <translation>つなぎ先を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="528"/>
        <source>Record a case meeting at %1 on %2?</source>
        <translation>%2、%1 での個別ケース会議を記録しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="533"/>
        <source>Record it</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="533"/>
        <location filename="../../ui/screens/consultations_screen.py" line="554"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="538"/>
        <source>Case meeting recorded.</source>
        <translation>ケース会議を記録しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="546"/>
        <source>Select a record in the list first.</source>
        <translation>先に一覧から記録を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="551"/>
        <source>Cancel a record</source>
        <translation>記録の取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="552"/>
        <source>Cancel this record? It stays in the records, marked cancelled.</source>
        <translation>この記録を取り消しますか？（記録は「取消」として残ります）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="553"/>
        <source>Cancel the record</source>
        <translation>記録を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consultations_screen.py" line="563"/>
        <source>Cancelled.</source>
        <translation>取り消しました。</translation>
    </message>
</context>
<context>
    <name>CoverLetterCard</name>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="49"/>
        <source>Cover letter of reports</source>
        <translation>報告書の鑑（送付状）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="52"/>
        <source>The first page of the month and fiscal-year reports: the letter to the city. Fill it in once; a blank field is left as a line to write on.</source>
        <translation>月次・年度の報告書の1ページ目に付ける、市への送付状です。一度入力すれば毎回使われます。空欄の項目は、紙に手書きする線になります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="64"/>
        <source>Addressee</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="65"/>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="66"/>
        <source>Organisation</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="67"/>
        <source>Representative&apos;s title</source>
        <translation>代表者の職</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="68"/>
        <source>Representative&apos;s name</source>
        <translation>代表者の氏名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="69"/>
        <source>Grant name</source>
        <translation>補助金の名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="70"/>
        <source>Decision number</source>
        <translation>交付決定の文書番号</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="73"/>
        <source>e.g. 〇〇市長&#x3000;〇〇 〇〇 (様 is added on paper)</source>
        <translation>例：〇〇市長&#x3000;〇〇 〇〇（様は印刷時に付きます）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="74"/>
        <source>e.g. 〇〇県〇〇市〇〇町1-2-3</source>
        <translation>例：〇〇県〇〇市〇〇町1-2-3</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="75"/>
        <source>e.g. 理事長</source>
        <translation>例：理事長</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="76"/>
        <source>e.g. 〇〇市女性の居場所づくり事業補助金</source>
        <translation>例：〇〇市女性の居場所づくり事業補助金</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="77"/>
        <source>e.g. 〇〇第123号</source>
        <translation>例：〇〇第123号</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="100"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="119"/>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="127"/>
        <source>Decision date</source>
        <translation>交付決定日</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="151"/>
        <source>The organisation&apos;s name</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/cover_letter_card.py" line="197"/>
        <source>Saved: the cover letter of reports.</source>
        <translation>報告書の鑑を保存しました。</translation>
    </message>
</context>
<context>
    <name>DayStepper</name>
    <message>
        <location filename="../../ui/widgets/day_stepper.py" line="35"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/day_stepper.py" line="36"/>
        <source>Previous day</source>
        <translation>前の日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/day_stepper.py" line="37"/>
        <source>Next day</source>
        <translation>次の日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/day_stepper.py" line="38"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>ExchangeCard</name>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="65"/>
        <source>Data exchange between venues</source>
        <translation>会場間のデータ交換</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="68"/>
        <source>Each venue PC is paired once with the coordinator&apos;s PC, then exports its records to a file (USB stick or shared folder) that only the coordinator can read; the coordinator imports the files into one database. Importing a file twice counts nothing twice. Nicknames and care notes never leave this PC.</source>
        <translation>各会場PCは、コーディネーターのPCと一度だけペアリングします。その後は記録をファイルに書き出し（USBメモリや共有フォルダ）、コーディネーターがそれを1つのデータベースに取り込みます。ファイルはコーディネーターのPCでしか読めません。同じファイルを2回取り込んでも二重には数えません。ニックネームと託児メモはこのPCから出ません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="85"/>
        <source>Rename this PC…</source>
        <translation>このPCの名前を変える…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="97"/>
        <source>Exchange files</source>
        <translation>交換ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="104"/>
        <source>Export everything, not only what changed</source>
        <translation>前回以降の変更だけでなく、すべて書き出す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="107"/>
        <location filename="../../ui/settings/exchange_card.py" line="217"/>
        <source>Export for the coordinator…</source>
        <translation>コーディネーターへ書き出す…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="111"/>
        <source>Import files…</source>
        <translation>ファイルを取り込む…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="124"/>
        <source>Records</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="125"/>
        <location filename="../../ui/settings/exchange_card.py" line="139"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="126"/>
        <location filename="../../ui/settings/exchange_card.py" line="139"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="127"/>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="128"/>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="133"/>
        <source>Data received from</source>
        <translation>データを受け取った端末</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="135"/>
        <location filename="../../ui/settings/exchange_card.py" line="139"/>
        <source>PC</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="135"/>
        <source>File made</source>
        <translation>ファイル作成</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="135"/>
        <location filename="../../ui/settings/exchange_card.py" line="139"/>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="137"/>
        <source>Imports that can be undone</source>
        <translation>取り消せる取り込み</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="144"/>
        <source>Undo this import…</source>
        <translation>この取り込みを取り消す…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="149"/>
        <source>Records by venue</source>
        <translation>会場ごとの記録</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="151"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="151"/>
        <source>Recorded on</source>
        <translation>記録した端末</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="151"/>
        <source>Days</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="151"/>
        <source>Held</source>
        <translation>回数</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="210"/>
        <source>No import to undo</source>
        <translation>取り消せる取り込みはありません</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="215"/>
        <source>Export set-up for the venue PCs…</source>
        <translation>会場PC向けに設定を書き出す…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="220"/>
        <source>(no name yet)</source>
        <translation>（まだ名前がありません）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="222"/>
        <source>This PC: %1 (%2)</source>
        <translation>このPC: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="225"/>
        <source>last export %1</source>
        <translation>最後の書き出し %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="227"/>
        <source>never exported</source>
        <translation>まだ書き出していません</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="230"/>
        <source>%1 · %2 record(s) not yet exported</source>
        <translation>%1 ・ まだ書き出していない記録 %2件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="248"/>
        <source>No file imported yet</source>
        <translation>まだ取り込んだファイルはありません</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="268"/>
        <source>Rename this PC</source>
        <translation>このPCの名前</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="269"/>
        <source>A name the coordinator will recognise (for example 会場PC 1):</source>
        <translation>コーディネーターが見て分かる名前（例：会場PC 1）：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="270"/>
        <source>Change</source>
        <translation>変更する</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="283"/>
        <source>This PC is now called %1.</source>
        <translation>このPCの名前を「%1」にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="295"/>
        <source>Export for the coordinator</source>
        <translation>コーディネーターへ書き出す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="297"/>
        <location filename="../../ui/settings/exchange_card.py" line="324"/>
        <source>Exchange files (*.tsunagari)</source>
        <translation>交換ファイル (*.tsunagari)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="311"/>
        <source>Exported %1 record(s) to %2.</source>
        <translation>%1件を書き出しました：%2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="322"/>
        <source>Import exchange files</source>
        <translation>交換ファイルを取り込む</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="354"/>
        <source>%1: this file was imported on %2; nothing changed.</source>
        <translation>%1: このファイルは %2 に取り込み済みです。何も変わっていません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="359"/>
        <source>%1: everything was already here; nothing changed.</source>
        <translation>%1: すべて取り込み済みでした。何も変わっていません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="363"/>
        <source>%1: %2 new, %3 updated, %4 unchanged, %5 conflict(s)</source>
        <translation>%1: 新規 %2件・更新 %3件・変更なし %4件・競合 %5件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="375"/>
        <source>Choose an import in the list first.</source>
        <translation>先に一覧から取り込みを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="380"/>
        <source>Undo an import</source>
        <translation>取り込みの取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="382"/>
        <source>Undo the import from %1 of %2? The records it added are removed and the records it changed get their earlier values back. The file can be imported again later.</source>
        <translation>%1 からの取り込み（%2）を取り消しますか？ 追加された記録は削除され、変更された記録は前の値に戻ります。ファイルは後でもう一度取り込めます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="388"/>
        <source>Undo the import</source>
        <translation>取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="271"/>
        <location filename="../../ui/settings/exchange_card.py" line="389"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="398"/>
        <source>Undone: the import from %1 (%2 new removed, %3 updated put back).</source>
        <translation>取り消しました: %1 からの取り込み（新規%2件を削除、更新%3件を元に戻しました）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/exchange_card.py" line="409"/>
        <source>Working… the other screens stay usable.</source>
        <translation>処理中です… ほかの画面はそのまま使えます。</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="48"/>
        <source>CSV: UTF-8 (Excel)</source>
        <translation>CSV：UTF-8（Excel）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="49"/>
        <source>CSV: Shift_JIS</source>
        <translation>CSV：Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="50"/>
        <source>The encoding of CSV files (Excel and PDF need none)</source>
        <translation>CSV ファイルの文字コード（Excel と PDF には関係ありません）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="51"/>
        <source>one row per figure</source>
        <translation>縦長形式</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="53"/>
        <source>Export CSV…</source>
        <translation>CSV出力…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="54"/>
        <source>Export Excel…</source>
        <translation>Excel出力…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="55"/>
        <source>Export PDF…</source>
        <translation>PDF出力…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="97"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="127"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="128"/>
        <source>Zip of CSV files (*.zip)</source>
        <translation>CSV ファイルの ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="129"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="130"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="78"/>
        <location filename="../../ui/widgets/export_bar.py" line="105"/>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/export_bar.py" line="109"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>FormFillDialog</name>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="64"/>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="69"/>
        <source>Fill in the city&apos;s form</source>
        <translation>市の様式に記入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="73"/>
        <source>Wherever the city&apos;s Excel form holds a placeholder such as {{来場者数}} or {{visits}}, the figure of this report is written in; every other cell, format and print setting stays as it was. `tsunagari export fields` lists the names.</source>
        <translation>市の Excel 様式の {{来場者数}} や {{visits}} のような差し込み欄に、この報告の数字を記入します。ほかのセル・書式・印刷設定はそのまま残ります。使える名前は `tsunagari export fields` で確かめられます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="104"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="105"/>
        <source>Cell</source>
        <translation>セル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="106"/>
        <source>Placeholder</source>
        <translation>差し込み欄</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="107"/>
        <source>Meaning</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="108"/>
        <source>Value</source>
        <translation>記入する値</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="121"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="121"/>
        <source>Save the filled form…</source>
        <translation>記入した様式を保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="126"/>
        <source>Report: %1 (%2 to %3)</source>
        <translation>報告：%1（%2 〜 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="136"/>
        <source>No form chosen yet.</source>
        <translation>様式はまだ選ばれていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="137"/>
        <source>Choose the form…</source>
        <translation>様式を選ぶ…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="139"/>
        <source>Form: %1</source>
        <translation>様式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="140"/>
        <source>Choose another form…</source>
        <translation>別の様式を選ぶ…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="146"/>
        <source>The city&apos;s form</source>
        <translation>市の様式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="146"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="167"/>
        <source>Choose the city&apos;s Excel form (.xlsx) to fill in.</source>
        <translation>記入する市の Excel 様式（.xlsx）を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="174"/>
        <source>Reading the form…</source>
        <translation>様式を読んでいます…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="229"/>
        <source>%1 placeholders cannot be filled (in red below). Correct them in the form and choose it again; nothing is saved until then.</source>
        <translation>記入できない差し込み欄が%1か所あります（下の赤い行）。様式を直してから選び直してください。それまでは保存できません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="237"/>
        <source>%1 cells will be filled.</source>
        <translation>%1か所に記入します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="250"/>
        <source>Save the filled form</source>
        <translation>記入した様式を保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="257"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_fill_dialog.py" line="263"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="86"/>
        <source>Visits</source>
        <translation>来場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="87"/>
        <source>First time</source>
        <translation>はじめて</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="88"/>
        <source>In childcare now</source>
        <translation>託児中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="89"/>
        <source>Children today</source>
        <translation>本日の託児</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="149"/>
        <source>not open yet</source>
        <translation>受付前</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="151"/>
        <source>check-in open</source>
        <translation>受付中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="153"/>
        <source>closed</source>
        <translation>受付終了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="161"/>
        <source>Open today&apos;s check-in</source>
        <translation>本日の受付を開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="164"/>
        <source>Close the day…</source>
        <translation>本日の受付を終了…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="167"/>
        <source>Reopen check-in</source>
        <translation>受付を再開</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="195"/>
        <source>Tsunagari</source>
        <translation>つながり</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="202"/>
        <source>Close today&apos;s check-in?</source>
        <translation>本日の受付を終了しますか？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/header_bar.py" line="205"/>
        <source>%n child(ren) are still in childcare. Close today&apos;s check-in anyway?</source>
        <translation>
            <numerusform>まだ%n人のお子さんが託児中です。それでも本日の受付を終了しますか？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="210"/>
        <source>Close the day</source>
        <translation>本日の受付の終了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="210"/>
        <source>Close check-in</source>
        <translation>受付を終了する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="210"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="219"/>
        <source>The day is closed</source>
        <translation>本日の受付を終了しました</translation>
    </message>
    <message>
        <location filename="../../ui/screens/header_bar.py" line="220"/>
        <source>Visits: %1
First time: %2
Count only: %3
Children in childcare: %4</source>
        <translation>来場：%1人
はじめて：%2人
回答なし：%3人
託児：%4人</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="77"/>
        <source>Add a venue PC</source>
        <translation>会場PCを追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="82"/>
        <source>Pairing code for the venue PC</source>
        <translation>会場PCに入力するペアリングコード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="87"/>
        <source>Valid once, until %1.</source>
        <translation>%1 まで、1回だけ使えます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="92"/>
        <source>1. Carry the invitation file to the venue PC (a USB stick): %1</source>
        <translation>1. 招待ファイルを会場PCへ運びます（USBメモリなど）: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="94"/>
        <source>2. On the venue PC: Settings → Data exchange → “Pair with the coordinator…”; open the file and type this code.</source>
        <translation>2. 会場PCで 設定 → 会場間のデータ交換 →「コーディネーターとペアリング…」を押し、招待ファイルを開いて、このコードを入力します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="98"/>
        <source>3. Bring back the answer file it saves, and open it here with “Open an answer file…”. Both screens then show a six-digit number.</source>
        <translation>3. 会場PCが保存した返信ファイルをこのPCへ持ち帰り、「返信ファイルを開く…」で開きます。両方の画面に6桁の確認番号が出ます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="109"/>
        <source>The code is not in the file: do not write it on the stick. Read it out or show this screen. Once this window is closed, the code is not shown again (make a new invitation if it is lost).</source>
        <translation>コードはファイルに入っていません。USBメモリに書き残さず、読み上げるか、この画面を見せて伝えてください。この画面を閉じると、コードはもう表示されません（わからなくなったら、新しい招待を作ってください）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="119"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="191"/>
        <source>Pair with the coordinator</source>
        <translation>コーディネーターとペアリング</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="206"/>
        <source>Type the pairing code from the coordinator&apos;s screen</source>
        <translation>コーディネーターの画面のコードを入力してください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="210"/>
        <source>Invitation: %1</source>
        <translation>招待ファイル: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="225"/>
        <source>8 letters and digits; small letters, spaces and full-width characters are fine. Next, choose where to save the answer file for the coordinator (the same USB stick).</source>
        <translation>英数字8文字です（小文字・空白・全角でもかまいません）。次に、コーディネーターへ渡す返信ファイルの保存先を選びます（同じUSBメモリで大丈夫です）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="236"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="239"/>
        <source>Pair and save the answer file…</source>
        <translation>ペアリングして返信ファイルを保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="256"/>
        <source>Confirmation number</source>
        <translation>確認番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="263"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="280"/>
        <source>Save the answer file for the coordinator</source>
        <translation>コーディネーターへ渡す返信ファイルを保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="282"/>
        <source>Pairing files (*.json)</source>
        <translation>ペアリングファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="289"/>
        <source>Checking the code…</source>
        <translation>コードを確かめています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="303"/>
        <source>Answer saved for the coordinator of %1.</source>
        <translation>%1 のコーディネーターへの返信ファイルを保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="309"/>
        <source>1. Carry the answer file to the coordinator&apos;s PC: %1</source>
        <translation>1. 返信ファイルをコーディネーターのPCへ運びます: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="310"/>
        <source>2. There, open it with “Open an answer file…”.</source>
        <translation>2. コーディネーターのPCで「返信ファイルを開く…」から開きます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialogs.py" line="312"/>
        <source>3. The coordinator&apos;s screen must show this same number. If it shows another, tell the coordinator: the pairing is then cancelled.</source>
        <translation>3. コーディネーターの画面に、この番号と同じ番号が出ていることを確かめてください。違う番号なら、コーディネーターに伝えてください（ペアリングは中止になります）。</translation>
    </message>
</context>
<context>
    <name>KpiTargetsCard</name>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="46"/>
        <source>KPI targets</source>
        <translation>目標（KPI）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="49"/>
        <source>The targets of the grant&apos;s report form. Reports show each one&apos;s achievement rate. Leave a target empty for none.</source>
        <translation>実績報告書の目標値です。報告では項目ごとに達成率を示します。目標のない項目は空欄のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="60"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="62"/>
        <source>Copy last year&apos;s</source>
        <translation>前年度の目標をコピー</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="74"/>
        <source>Metric</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="74"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="74"/>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="74"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="224"/>
        <source>Target removed: %1</source>
        <translation>目標を削除しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="234"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="251"/>
        <source>%1 target(s) copied from %2.</source>
        <translation>%2から目標を%1件コピーしました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/kpi_targets_card.py" line="254"/>
        <source>Every target of %1 is already set for this year; nothing copied.</source>
        <translation>%1の目標はすべてこの年度に設定済みです。コピーしたものはありません。</translation>
    </message>
</context>
<context>
    <name>LabelPrinting</name>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="79"/>
        <source>Print pickup labels</source>
        <translation>お迎えラベルの印刷</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="98"/>
        <location filename="../../ui/dialogs/label_printing.py" line="115"/>
        <location filename="../../ui/dialogs/label_printing.py" line="158"/>
        <location filename="../../ui/dialogs/label_printing.py" line="201"/>
        <source>Pickup labels</source>
        <translation>お迎えラベル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="99"/>
        <source>The labels could not be printed on %1. Check that the printer is on and connected, then print again, or use Save as PDF.</source>
        <translation>ラベルを%1で印刷できませんでした。プリンターの電源と接続を確かめてもう一度印刷するか、「PDFに保存」をお使いください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="108"/>
        <source>Labels sent to %1.</source>
        <translation>ラベルを%1に送りました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="116"/>
        <source>No printer is set up on this computer, so the labels cannot be printed.
Save them as a PDF to print later or on another computer.</source>
        <translation>このパソコンにはプリンターが設定されていないため、ラベルを印刷できません。
「PDFに保存」でPDFにすると、あとで、またはほかのパソコンから印刷できます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="121"/>
        <source>Save as PDF…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="122"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="137"/>
        <source>Save pickup labels as PDF</source>
        <translation>お迎えラベルをPDFに保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="139"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="163"/>
        <source>Labels saved: %1</source>
        <translation>ラベルを保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="174"/>
        <source>Printer for labels at check-in</source>
        <translation>受付時にラベルを印刷するプリンター</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="202"/>
        <source>No printer is set up on this computer, so the labels were not printed.
The check-in is saved. Use Save as PDF in the pickup codes window.</source>
        <translation>このパソコンにはプリンターが設定されていないため、ラベルは印刷されませんでした。
受付は保存されています。お迎え番号の画面の「PDFに保存」をお使いください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/label_printing.py" line="214"/>
        <source>Labels not printed.</source>
        <translation>ラベルは印刷しませんでした。</translation>
    </message>
</context>
<context>
    <name>LabelSettingsCard</name>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="33"/>
        <source>Pickup labels</source>
        <translation>お迎えラベル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="37"/>
        <location filename="../../ui/settings/label_settings_card.py" line="45"/>
        <source>Label size</source>
        <translation>ラベルの大きさ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="41"/>
        <source>62 mm roll (label printer)</source>
        <translation>62mm幅ロール（ラベルプリンター）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="42"/>
        <source>A4 sheet, 12 labels</source>
        <translation>A4ラベルシート（12面）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="50"/>
        <source>Roll: one 62 × 40 mm label at a time. Sheet: A-one 12 labels of 86.4 × 42.3 mm (2 × 6), the child&apos;s tag on the left and the parent&apos;s stub beside it.</source>
        <translation>ロール：62×40mmのラベルを1枚ずつ。シート：A-one 12面（86.4×42.3mm、2列×6段）で、左にお子さまのタグ、右に保護者控えが並びます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="64"/>
        <source>Next label on the sheet</source>
        <translation>次に使うラベル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="77"/>
        <source>Print labels at check-in</source>
        <translation>受付時にラベルを印刷する</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="84"/>
        <source>Choose printer…</source>
        <translation>プリンターを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="92"/>
        <source>Each child gets two labels with the same pickup code: a tag for her things and a stub her parent keeps. Neither shows a nickname or a note.</source>
        <translation>お子さま1人につき、同じお迎え番号のラベルを2枚印刷します。持ち物に貼るタグと、保護者が持つ控えです。ニックネームやメモは印刷しません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="114"/>
        <source>of %1 (1 = a fresh sheet; it moves on after each print)</source>
        <translation>／%1 枚目（1 = 新しいシート。印刷のたびに進みます）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="122"/>
        <source>Printer at check-in: %1</source>
        <translation>受付時の印刷先：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="124"/>
        <source>Printer at check-in: asked at the first check-in</source>
        <translation>受付時の印刷先：最初の受付のときに選びます</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="134"/>
        <location filename="../../ui/settings/label_settings_card.py" line="175"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="146"/>
        <source>Saved: the next labels start at label %1.</source>
        <translation>保存しました。次は %1 枚目のラベルから印刷します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="158"/>
        <source>Saved: labels are printed at each check-in with children.</source>
        <translation>保存しました。託児のある受付のたびにラベルを印刷します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="160"/>
        <source>Saved: labels are printed only when asked.</source>
        <translation>保存しました。ラベルは「ラベルを印刷」を押したときだけ印刷します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/label_settings_card.py" line="168"/>
        <source>No printer is set up on this computer. Labels can be saved as a PDF.</source>
        <translation>このパソコンにはプリンターが設定されていません。ラベルはPDFに保存できます。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>Tsunagari — reception</source>
        <translation>つながり — 受付</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Childcare</source>
        <translation>託児</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Workshops</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Consultations</source>
        <translation>相談記録</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Daily tally</source>
        <translation>日計</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Reports</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Close Tsunagari</source>
        <translation>つながりを閉じる</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="295"/>
        <source>%n child(ren) are still in childcare and today&apos;s check-in is open.
Close Tsunagari anyway?</source>
        <translation>
            <numerusform>まだ%n人のお子さんが託児中で、本日の受付も開いたままです。
それでも、つながりを閉じますか？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Go back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>PairingPanel</name>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="67"/>
        <source>Pairing</source>
        <translation>ペアリング</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="77"/>
        <source>Add a venue PC…</source>
        <translation>会場PCを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="78"/>
        <source>Open an answer file…</source>
        <translation>返信ファイルを開く…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="79"/>
        <source>Pair with the coordinator…</source>
        <translation>コーディネーターとペアリング…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="84"/>
        <source>Paired venue PCs</source>
        <translation>ペアリングした会場PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="87"/>
        <source>PC</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="87"/>
        <source>Paired on</source>
        <translation>ペアリングした日</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="87"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="99"/>
        <source>Stop using this PC…</source>
        <translation>利用を止める…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="102"/>
        <source>For a lost, stolen or retired laptop: its files are refused from then on.</source>
        <translation>なくした・盗まれた・使わなくなったPCに。それ以降、そのPCのファイルは取り込みません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="138"/>
        <source>This PC is the coordinator&apos;s PC: %1 venue PC(s) paired and in use.</source>
        <translation>このPCはコーディネーターのPCです。利用中の会場PC %1台とペアリングしています。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="141"/>
        <source>%1 revoked.</source>
        <translation>%1台は利用停止しています。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="147"/>
        <source>This PC is a venue PC, paired with %1 (%2) since %3. Its files can be read only by that coordinator&apos;s PC.</source>
        <translation>このPCは会場PCです。%1（%2）と %3 からペアリングしています。このPCのファイルは、そのコーディネーターのPCでしか読めません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="150"/>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="155"/>
        <source>This PC is not paired yet, so it cannot export. On the coordinator&apos;s PC, start with “Add a venue PC…”; on a venue PC, with “Pair with the coordinator…”.</source>
        <translation>このPCはまだペアリングしていないため、書き出せません。コーディネーターのPCでは「会場PCを追加…」から、会場PCでは「コーディネーターとペアリング…」から始めてください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="163"/>
        <source>In use</source>
        <translation>利用中</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="165"/>
        <source>Stopped on %1</source>
        <translation>%1 に利用停止</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="197"/>
        <source>Save the invitation for a venue PC</source>
        <translation>会場PCへの招待ファイルを保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="199"/>
        <location filename="../../ui/settings/pairing_panel.py" line="222"/>
        <location filename="../../ui/settings/pairing_panel.py" line="305"/>
        <source>Pairing files (*.json)</source>
        <translation>ペアリングファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="209"/>
        <source>Invitation saved: %1. Its code is on screen only.</source>
        <translation>招待ファイルを保存しました: %1。コードは画面にだけ表示しています。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="220"/>
        <source>Open a venue PC&apos;s answer file</source>
        <translation>会場PCの返信ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="239"/>
        <source>Paired: %1. Its files can now be imported here.</source>
        <translation>ペアリングしました: %1。このPCのファイルを、ここで取り込めます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="243"/>
        <source>Cancelled: %1 was not paired. To start again, make a new invitation.</source>
        <translation>中止しました: %1 とはペアリングしていません。やり直すときは、新しい招待を作ってください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="246"/>
        <source>Nothing decided for %1: open the answer file again when ready.</source>
        <translation>%1 については、まだ何も決めていません。確かめられたら、返信ファイルをもう一度開いてください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="261"/>
        <source>Stop using a venue PC</source>
        <translation>会場PCの利用を止める</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="263"/>
        <source>Stop using “%1”? Files from it will be refused from now on; the records it already sent stay. To use it again, pair it anew.</source>
        <translation>「%1」の利用を止めますか？ これからは、このPCのファイルを取り込みません。これまでに受け取った記録は残ります。また使うときは、ペアリングをやり直してください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="266"/>
        <source>Stop using it</source>
        <translation>利用を止める</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="267"/>
        <location filename="../../ui/settings/pairing_panel.py" line="298"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="279"/>
        <source>Stopped: %1. Its files will be refused from now on.</source>
        <translation>利用を止めました: %1。このPCのファイルは、これから取り込みません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="292"/>
        <source>Pair with the coordinator</source>
        <translation>コーディネーターとペアリング</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="294"/>
        <source>This PC is already paired with %1. Pair it again with a new invitation? Its files will then be sealed to the new invitation&apos;s coordinator.</source>
        <translation>このPCは %1 とペアリング済みです。新しい招待でペアリングし直しますか？ これからのファイルは、新しい招待を作ったコーディネーターのPC宛てになります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="297"/>
        <source>Pair again</source>
        <translation>ペアリングし直す</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="303"/>
        <source>Open the coordinator&apos;s invitation file</source>
        <translation>コーディネーターの招待ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="316"/>
        <source>Answer saved: %1. Show the coordinator the confirmation number.</source>
        <translation>返信ファイルを保存しました: %1。確認番号をコーディネーターと見比べてください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pairing_panel.py" line="333"/>
        <source>Working…</source>
        <translation>処理しています…</translation>
    </message>
</context>
<context>
    <name>PaperDayDialog</name>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="77"/>
        <source>Paper list</source>
        <translation>紙の受付簿</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="87"/>
        <source>Entered afterwards from a paper list: for a past day when the laptop was not used. Reports show these counts as entered from paper.</source>
        <translation>紙の受付簿から後日入力します。パソコンを使わなかった過去の日の分です。報告には「紙の受付簿から入力」と明記されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="112"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="115"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="126"/>
        <source>Visits by age</source>
        <translation>年代別の来場者数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="131"/>
        <source>Visits by residence</source>
        <translation>お住まい別の来場者数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="144"/>
        <source>First visits</source>
        <translation>はじめての方</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="145"/>
        <source>Children in childcare</source>
        <translation>託児人数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="146"/>
        <source>Workshop participants</source>
        <translation>ワークショップ参加者数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="150"/>
        <source>The list gives the children&apos;s ages</source>
        <translation>子どもの年齢も分かる（年齢別に入力）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="160"/>
        <source>Cancel this entry…</source>
        <translation>この入力を取り消す…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="164"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="167"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="297"/>
        <source>This day was entered from paper on %1: correct it, or cancel it.</source>
        <translation>この日は%1に紙の受付簿から入力済みです。数を直すか、取り消してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="304"/>
        <source>This day has check-ins at this venue: it is counted at the door, so a paper list would count it twice.</source>
        <translation>この日はこの会場で受付の記録があります。受付で数えた日なので、紙の受付簿も入れると二重に数えてしまいます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="309"/>
        <source>New entry for this venue and day.</source>
        <translation>この会場・この日の新しい入力です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="336"/>
        <source>By age %1, by residence %2: both count the same visitors, so they must match (put what is not known under “No answer”).</source>
        <translation>年代別 %1人、お住まい別 %2人：同じ来場者を2通りに数えるので、同じ数になるはずです（分からない分は「無回答」に）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="343"/>
        <source>More first visits than visits.</source>
        <translation>はじめての方が来場者数より多くなっています。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="345"/>
        <source>Children in childcare, but no visits.</source>
        <translation>託児があるのに来場者が0人です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="350"/>
        <source>The children&apos;s ages add up to %1, not %2.</source>
        <translation>子どもの年齢別の合計が%1人で、託児人数の%2人と合いません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="358"/>
        <source>Visits: %1</source>
        <translation>来場者数：%1人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="399"/>
        <source>Cancel this entry</source>
        <translation>入力の取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="400"/>
        <source>Cancel the paper list of this day? Its counts leave every total.</source>
        <translation>この日の紙の受付簿の入力を取り消しますか？ その人数はすべての集計から外れます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="401"/>
        <source>Cancel the entry</source>
        <translation>入力を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_day_dialog.py" line="402"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>PaperSurveyDialog</name>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="52"/>
        <source>Paper questionnaires</source>
        <translation>紙のアンケートの入力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="60"/>
        <source>Copy each paper form as it is written, then save it; the form clears for the next one. Leave a question empty if she left it empty.</source>
        <translation>紙のアンケートを書かれたとおりに1枚ずつ入力して保存してください。保存すると次の1枚のために空欄に戻ります。空欄の質問は空欄のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="76"/>
        <source>Event</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="79"/>
        <source>Form language</source>
        <translation>用紙の言語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="81"/>
        <source>%1 (version %2)</source>
        <translation>%1（第%2版）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="86"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="102"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="105"/>
        <source>Save this form</source>
        <translation>この1枚を保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="116"/>
        <source>There is no event in the last three months.</source>
        <translation>この3か月間の開催日がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="128"/>
        <source> (all that apply)</source>
        <translation>（あてはまるものすべて）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="136"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2文字</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="154"/>
        <source>Forms saved in this session: %1</source>
        <translation>今回保存した枚数：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paper_survey_dialog.py" line="181"/>
        <source>Paper form %1 saved. The form is empty for the next one.</source>
        <translation>%1枚目を保存しました。次の1枚を入力できます。</translation>
    </message>
</context>
<context>
    <name>PhoneSurveyDialog</name>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="68"/>
        <source>Answers on phones</source>
        <translation>スマホで回答</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="78"/>
        <source>Participants answer on their own phones, over this PC&apos;s network (the venue&apos;s Wi-Fi or this PC&apos;s own hotspot), with a one-time card each. Nothing goes to the internet, and the page shows no answers.</source>
        <translation>参加者が自分のスマホで、このパソコンのネットワーク（会場の Wi-Fi か、このパソコンのモバイル ホットスポット）から回答します。1人1枚の使い切りカードを使います。インターネットには何も送らず、ページに回答が表示されることもありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="92"/>
        <source>%1 (this PC only)</source>
        <translation>%1（このパソコンのみ）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="96"/>
        <source>Network address</source>
        <translation>ネットワークアドレス</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="98"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="121"/>
        <source>Save answer cards (PDF)…</source>
        <translation>回答カードを保存（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="124"/>
        <source>Cards</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="130"/>
        <source>Each card answers once, today only, and carries no number. Print them after turning the page on: the card holds this address.</source>
        <translation>カードは1枚1回・今日のみ有効で、番号はありません。カードにはこのアドレスが入るので、オンにしてから印刷してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="138"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="150"/>
        <source>Turn off</source>
        <translation>オフにする</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="150"/>
        <source>Turn on</source>
        <translation>オンにする</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="156"/>
        <source>Off: nothing is served.</source>
        <translation>オフ：何も公開していません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="160"/>
        <source>On: phones on this network open %1 and type the code of their card.</source>
        <translation>オン：このネットワークのスマホで %1 を開き、カードのコードを入力します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="185"/>
        <source>Save answer cards</source>
        <translation>回答カードの保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="187"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/phone_survey_dialog.py" line="199"/>
        <source>%1 cards saved: %2</source>
        <translation>カードを%1枚保存しました：%2</translation>
    </message>
</context>
<context>
    <name>PickupCodesDialog</name>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="38"/>
        <source>Pickup codes</source>
        <translation>お迎え番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="43"/>
        <source>Please show these codes to the parent</source>
        <translation>保護者にこの番号をお見せください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="46"/>
        <source>A child is handed back only against her code. Print a label or note it down.</source>
        <translation>お迎えのときはこの番号が必要です。ラベルを印刷するか、控えてもらってください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="74"/>
        <source>Print labels</source>
        <translation>ラベルを印刷</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="80"/>
        <source>Save as PDF…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pickup_dialog.py" line="84"/>
        <source>Done (Enter)</source>
        <translation>閉じる（Enter）</translation>
    </message>
</context>
<context>
    <name>PinCheckDialog</name>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="37"/>
        <source>Coordinator PIN</source>
        <translation>コーディネーターPIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="40"/>
        <source>Only the coordinator can change this.</source>
        <translation>この変更はコーディネーターだけができます。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="41"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="42"/>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="60"/>
        <source>Delete</source>
        <translation>消す</translation>
    </message>
</context>
<context>
    <name>PrivacyCard</name>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="65"/>
        <source>Privacy and the audit log</source>
        <translation>個人情報の保存期間と操作記録</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="70"/>
        <source>Nicknames and care notes are erased when they are older than this, at every start. Counts and reports stay as they are.</source>
        <translation>この期間より古いニックネームと託児メモは、起動のたびに消去します。人数の集計や報告書はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="85"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="86"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="89"/>
        <source>Keep personal details for</source>
        <translation>個人情報の保存期間</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="95"/>
        <source>Erase old details now…</source>
        <translation>古い個人情報を今すぐ消去…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="99"/>
        <source>View the audit log…</source>
        <translation>操作記録を見る…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="120"/>
        <source>Changes here ask for the coordinator PIN.</source>
        <translation>ここでの変更にはコーディネーターPINが必要です。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="124"/>
        <source>No coordinator PIN is set, so anyone at this laptop can change this. Set one under Questionnaire → Coordinator PIN.</source>
        <translation>コーディネーターPINが設定されていません。この端末の誰でも変更できます。「アンケート」→「コーディネーターPIN」で設定してください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="54"/>
        <source>Nothing was changed: the PIN was not given.</source>
        <translation>PINが入力されなかったため、変更していません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="135"/>
        <source>That is already the setting.</source>
        <translation>すでにその設定です。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="147"/>
        <source>Saved: personal details are kept for %1 days.</source>
        <translation>保存しました。個人情報は%1日間保存します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="162"/>
        <source>Nothing to erase: no details from before %1.</source>
        <translation>消去するものはありません（%1より前の個人情報はありません）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="170"/>
        <source>Erase old details</source>
        <translation>古い個人情報の消去</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="172"/>
        <source>Erase %1 nickname(s) and %2 care note(s) from before %3? Counts and reports stay. This cannot be undone.</source>
        <translation>%3より前の%1件のニックネームと%2件の託児メモを消去しますか？人数の集計や報告書はそのまま残ります。元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="178"/>
        <source>Erase them</source>
        <translation>消去する</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="179"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_card.py" line="191"/>
        <source>Erased %1 nickname(s) and %2 care note(s).</source>
        <translation>%1件のニックネームと%2件の託児メモを消去しました。</translation>
    </message>
</context>
<context>
    <name>QuestionnaireEditor</name>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="78"/>
        <source>Edit a copy of the questionnaire</source>
        <translation>アンケートのコピーを編集</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="81"/>
        <source>One answer</source>
        <translation>ひとつ選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="82"/>
        <source>Several answers</source>
        <translation>いくつでも選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="83"/>
        <source>Scale</source>
        <translation>段階で選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="84"/>
        <source>Yes or no</source>
        <translation>はい・いいえ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="85"/>
        <source>Free text</source>
        <translation>自由記述</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="92"/>
        <source>Saving makes version %1 of this questionnaire and uses it from now on. Answers already given keep the version they were given with.</source>
        <translation>保存すると、このアンケートの第%1版として、これから使います。これまでの回答は、回答したときの版のまま残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="118"/>
        <source>Title (%1)</source>
        <translation>タイトル（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="137"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="141"/>
        <source>Save as version %1 and use it</source>
        <translation>第%1版として保存して使う</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="174"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="175"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="176"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="177"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="194"/>
        <source>She must answer it (on the tablet)</source>
        <translation>必ず答えてもらう（タブレット）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="195"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="203"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="206"/>
        <source>Question (%1)</source>
        <translation>質問（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="207"/>
        <source>Note (%1)</source>
        <translation>補足（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="216"/>
        <source>Answers</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="218"/>
        <source>Add an answer</source>
        <translation>選択肢を追加</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="219"/>
        <source>Remove the answer</source>
        <translation>選択肢を削除</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="231"/>
        <source>Longest text</source>
        <translation>最大文字数</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="237"/>
        <source>Satisfied means</source>
        <translation>「満足」とする回答</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="332"/>
        <source>Add a question</source>
        <translation>質問を追加</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="333"/>
        <source>Kind of question</source>
        <translation>質問の種類</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="335"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="383"/>
        <source>This question decides satisfaction. Choose another one below first.</source>
        <translation>この質問で満足度を数えています。先に下で別の質問を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="443"/>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="445"/>
        <source>introduction</source>
        <translation>はじめの説明</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="447"/>
        <source>question %1</source>
        <translation>質問%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="449"/>
        <source>note of question %1</source>
        <translation>質問%1の注記</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="452"/>
        <source>answer %2 of question %1</source>
        <translation>質問%1の回答%2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="456"/>
        <source>the kiosk&apos;s own words (a &quot;phrases&quot; block in the file)</source>
        <translation>画面の文言（ファイルの「phrases」）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="466"/>
        <source>Every text is there in every language.</source>
        <translation>すべての言語の文がそろっています。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="468"/>
        <source>Still missing, by language (fill them in before saving):</source>
        <translation>まだ入っていない文（言語ごと。保存の前に入れてください）：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="473"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="475"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/settings/questionnaire_editor.py" line="543"/>
        <source>(this copy)</source>
        <translation>（編集中のコピー）</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="80"/>
        <location filename="../../ui/screens/reports_screen.py" line="91"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="81"/>
        <location filename="../../ui/screens/reports_screen.py" line="94"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="82"/>
        <source>Dates</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="108"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="109"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="127"/>
        <source>Fill in the city&apos;s form…</source>
        <translation>市の様式に記入…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="145"/>
        <location filename="../../ui/screens/reports_screen.py" line="291"/>
        <source>Targets and KPIs</source>
        <translation>目標・KPIの達成状況</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="147"/>
        <source>By month</source>
        <translation>月別の実績</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="212"/>
        <source>All venues</source>
        <translation>全会場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="257"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="280"/>
        <source>This period crosses fiscal years.</source>
        <translation>この期間は年度をまたいでいます。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports_screen.py" line="295"/>
        <source>No targets for this period. Set them in Settings (a fiscal year&apos;s report).</source>
        <translation>この期間の目標はありません。設定で年度ごとに登録できます（年度の報告に表示されます）。</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="141"/>
        <source>Coordinator PIN</source>
        <translation>コーディネーターPIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="148"/>
        <source>The PIN lets staff leave the questionnaire kiosk. Use %1 to %2 digits that participants cannot guess.</source>
        <translation>PINはスタッフがアンケート画面を終了するためのものです。参加者に推測されない%1〜%2桁の数字にしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="161"/>
        <source>New PIN</source>
        <translation>新しいPIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="162"/>
        <source>The same PIN again, to check</source>
        <translation>確認のため、もう一度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="174"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="177"/>
        <source>Save the PIN</source>
        <translation>PINを保存</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="157"/>
        <source>Organisation and language</source>
        <translation>団体と言語</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="160"/>
        <location filename="../../ui/screens/settings_screen.py" line="172"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="164"/>
        <source>Organisation</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="169"/>
        <source>Title of reports (事業名); the organisation if empty</source>
        <translation>報告書の表題（事業名）。空欄なら団体名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="176"/>
        <source>Project</source>
        <translation>事業名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="181"/>
        <source> (month the fiscal year starts)</source>
        <translation> 月始まり</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="183"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="187"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="190"/>
        <source>Where the data lives</source>
        <translation>データの保存場所</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="200"/>
        <source>Tsunagari keeps no real names and never the content of a consultation. Nicknames and care notes are personal details and will expire.</source>
        <translation>つながりは本名や相談の内容を記録しません。ニックネームと託児メモは個人情報として、保存期間が過ぎると消去されます。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="212"/>
        <source>Venues</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="213"/>
        <source>The venue marked ★ is the one this laptop checks in for.</source>
        <translation>★印の会場が、このパソコンで受付する会場です。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="221"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="233"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="234"/>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="235"/>
        <source>Use at this laptop</source>
        <translation>この端末で使う</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="236"/>
        <source>Retire</source>
        <translation>終了にする</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="256"/>
        <source>a database server</source>
        <translation>データベースサーバー</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="258"/>
        <source>Folder: %1
This device: %2</source>
        <translation>フォルダ：%1
この端末：%2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="283"/>
        <source>Select a venue to see or change its kind.</source>
        <translation>会場を選ぶと、その種類を確かめたり変えたりできます。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="289"/>
        <source>No day has been held here yet, so the kind can still be changed.</source>
        <translation>この会場はまだ開催日がないので、種類を変えられます。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="291"/>
        <source>Days have been held here, so the kind stays as it is.</source>
        <translation>この会場には開催日の記録があるため、種類は変えられません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="307"/>
        <source>Saved: fiscal years now start in month %1.</source>
        <translation>保存しました：年度は%1月始まりになりました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="313"/>
        <location filename="../../ui/screens/settings_screen.py" line="319"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="330"/>
        <source>Select a venue in the list first.</source>
        <translation>先に一覧から会場を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="343"/>
        <source>Venue added.</source>
        <translation>会場を追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="354"/>
        <source>The venue is now: %1.</source>
        <translation>会場の種類を「%1」にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="364"/>
        <source>Rename the venue</source>
        <translation>会場名の変更</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="365"/>
        <source>New name</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="366"/>
        <source>Change</source>
        <translation>変更する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="375"/>
        <source>Venue renamed.</source>
        <translation>会場名を変更しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="383"/>
        <source>This laptop now checks in for the selected venue.</source>
        <translation>この端末は選んだ会場の受付に切り替わりました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="392"/>
        <source>Retire the venue</source>
        <translation>会場を終了にする</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="393"/>
        <source>Retire this venue? Its past records stay in every report.</source>
        <translation>この会場を終了にしますか？これまでの記録は報告にそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="394"/>
        <source>Retire it</source>
        <translation>終了にする</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="367"/>
        <location filename="../../ui/screens/settings_screen.py" line="395"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="399"/>
        <source>Venue retired.</source>
        <translation>会場を終了にしました。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="29"/>
        <location filename="../../ui/dialogs/setup_dialog.py" line="34"/>
        <source>Welcome to Tsunagari</source>
        <translation>つながりへようこそ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="37"/>
        <source>Two things before the first check-in. You can change both later in Settings.</source>
        <translation>最初の受付の前に2つだけ教えてください。あとから設定で変更できます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="47"/>
        <source>e.g. NPO Tsunagari Net</source>
        <translation>例：NPO法人 つながりネット</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="50"/>
        <source>e.g. Central Community Hall</source>
        <translation>例：中央公民館</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="53"/>
        <source>Organisation</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="54"/>
        <source>First venue</source>
        <translation>最初の会場</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="55"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="61"/>
        <source>Start</source>
        <translation>はじめる</translation>
    </message>
</context>
<context>
    <name>SignupDialog</name>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="42"/>
        <source>Workshops</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="47"/>
        <source>Which workshops would %1 like to join?</source>
        <translation>%1 さんはどのワークショップに参加しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="52"/>
        <source>Tap every workshop she wants. She may join as many as she likes.</source>
        <translation>参加したいものをすべて選んでください。いくつでも参加できます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="63"/>
        <source>full, %1 waiting</source>
        <translation>満員・待ち%1人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="63"/>
        <source>%1 free</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="63"/>
        <source>no limit</source>
        <translation>定員なし</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="67"/>
        <source>on the waitlist</source>
        <translation>キャンセル待ち</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="69"/>
        <source>booked</source>
        <translation>予約済</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="84"/>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_dialog.py" line="85"/>
        <source>Sign up (Enter)</source>
        <translation>申し込む（Enter）</translation>
    </message>
</context>
<context>
    <name>SignupFlow</name>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="63"/>
        <source>Add to the waitlist</source>
        <translation>キャンセル待ちにする</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="45"/>
        <source>The workshop is full</source>
        <translation>満員です</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="46"/>
        <source>“%1” is full (%2 places). %3 already waiting.
Only a coordinator books beyond the capacity.</source>
        <translation>「%1」は満員です（定員%2人）。キャンセル待ちは%3人です。
定員を超えて受け付けるのはコーディネーターだけです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="55"/>
        <location filename="../../ui/dialogs/signup_flow.py" line="83"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="58"/>
        <location filename="../../ui/dialogs/signup_flow.py" line="77"/>
        <location filename="../../ui/dialogs/signup_flow.py" line="82"/>
        <source>Book beyond capacity</source>
        <translation>定員を超えて受付する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="78"/>
        <source>Book one more than the capacity of “%1”? This is recorded in the audit log.</source>
        <translation>「%1」の定員を超えて1人受け付けますか？監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="94"/>
        <source>No. %1 is already signed up for “%2”.</source>
        <translation>No. %1 はすでに「%2」に申込済みです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="100"/>
        <source>No. %1 is on the waitlist for “%2” (number %3).</source>
        <translation>No. %1 を「%2」のキャンセル待ちに登録しました（%3番目）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signup_flow.py" line="108"/>
        <source>No. %1 is booked for “%2”.</source>
        <translation>No. %1 を「%2」に申し込みました。</translation>
    </message>
</context>
<context>
    <name>StartPurge</name>
    <message>
        <location filename="../../ui/start_purge.py" line="33"/>
        <source>Tidying the data files (personal details past the retention period)…
The first time this can take a minute.</source>
        <translation>データファイルを整理しています（保存期間を過ぎた個人の情報を消しています）…
初回は1分ほどかかることがあります。</translation>
    </message>
</context>
<context>
    <name>SurveyKiosk</name>
    <message>
        <location filename="../../ui/survey_kiosk/kiosk_window.py" line="141"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../ui/survey_kiosk/kiosk_window.py" line="173"/>
        <source>Staff</source>
        <translation>スタッフ用</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="89"/>
        <source>Questionnaire kiosk</source>
        <translation>アンケート画面（タブレット）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="99"/>
        <source>Start the questionnaire kiosk</source>
        <translation>アンケート画面を開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="106"/>
        <source>Full screen for participants: one question per page in large type, in the language she picks. It starts over by itself after each answer and when left alone. Staff leave it with the coordinator PIN.</source>
        <translation>参加者向けの全画面表示です。最初に本人が言語を選び、大きな文字で1ページに1問ずつ答えます。回答のあとや、しばらく操作がないときは自動で最初に戻ります。終了にはコーディネーターPINが必要です。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="117"/>
        <source>Enter paper questionnaires…</source>
        <translation>紙のアンケートを入力…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="122"/>
        <source>Answers on phones…</source>
        <translation>スマホで回答…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="133"/>
        <source>Answers are anonymous: they belong to the day&apos;s event, never to a check-in, and their time is kept only to the hour.</source>
        <translation>回答は無記名です。開催日にだけ結びつき、受付の記録とは結びつきません。時刻も「何時台」までしか残しません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="146"/>
        <source>Results</source>
        <translation>集計</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="150"/>
        <source>Today</source>
        <translation>本日</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="151"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="152"/>
        <source>This fiscal year</source>
        <translation>今年度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="156"/>
        <source>This venue</source>
        <translation>この会場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="156"/>
        <source>All venues</source>
        <translation>全会場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="178"/>
        <source>Question and answer</source>
        <translation>質問と回答</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="178"/>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="178"/>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="190"/>
        <source>Show free comments</source>
        <translation>自由記述を表示</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="192"/>
        <source>Include free comments in the export</source>
        <translation>出力に自由記述を含める</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="193"/>
        <source>Export CSV…</source>
        <translation>CSVに出力…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="218"/>
        <source>Questionnaire: %1 (version %2)</source>
        <translation>アンケート：%1（第%2版）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="226"/>
        <source>No event today yet: starting the kiosk opens today&apos;s check-in.</source>
        <translation>本日はまだ開催されていません。アンケート画面を開始すると本日の受付も始まります。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="230"/>
        <source>Responses today: %1</source>
        <translation>本日の回答：%1件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="236"/>
        <source>Phones: on at %1</source>
        <translation>スマホで回答：オン（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="246"/>
        <source>all venues</source>
        <translation>全会場</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="270"/>
        <location filename="../../ui/screens/survey_screen.py" line="474"/>
        <source>No event today.</source>
        <translation>本日の開催はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="296"/>
        <source>Satisfaction (%1): %2 of the %3 who answered. Target %4%.
Responses: %5 (tablet %6, paper %7).</source>
        <translation>満足度（%1）：回答した%3人のうち%2人。目標%4%。
回答数：%5件（タブレット%6件・紙%7件）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="324"/>
        <source>Language answered in</source>
        <translation>回答の言語</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="336"/>
        <source>Free comments</source>
        <translation>自由記述</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="358"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="360"/>
        <source>No event is open today at %1. Open today&apos;s check-in now and start the questionnaire?</source>
        <translation>%1では本日の受付が始まっていません。本日の受付を開始して、アンケート画面を始めますか？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="363"/>
        <source>Open and start</source>
        <translation>受付を開始して始める</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="364"/>
        <location filename="../../ui/screens/survey_screen.py" line="436"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="378"/>
        <source>The kiosk needs a coordinator PIN first, so that staff can leave it.</source>
        <translation>スタッフが終了できるように、先にコーディネーターPINを設定してください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="408"/>
        <source>Kiosk mode ended.</source>
        <translation>アンケート画面を終了しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="422"/>
        <source>Answers on phones need a coordinator PIN first.</source>
        <translation>スマホで回答には、先にコーディネーターの PIN が必要です。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="431"/>
        <source>Answers on phones</source>
        <translation>スマホで回答</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="432"/>
        <source>No event is open today at %1. Open today&apos;s check-in now?</source>
        <translation>%1 で今日の開催がまだありません。今日の受付を始めますか？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="435"/>
        <source>Open</source>
        <translation>始める</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="478"/>
        <source>Export questionnaire results</source>
        <translation>アンケート集計の出力</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="480"/>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/survey_screen.py" line="493"/>
        <source>Exported: %1</source>
        <translation>出力しました：%1</translation>
    </message>
</context>
<context>
    <name>SurveySettingsCard</name>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="36"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="54"/>
        <source>Use</source>
        <translation>使う</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="57"/>
        <source>Edit a copy…</source>
        <translation>コピーを編集…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="60"/>
        <source>The questionnaire the kiosk asks</source>
        <translation>アンケート画面で使うアンケート</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="71"/>
        <source>Set the PIN…</source>
        <translation>PINを設定…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="74"/>
        <source>Coordinator PIN</source>
        <translation>コーディネーターPIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="81"/>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="82"/>
        <location filename="../../ui/settings/survey_settings.py" line="117"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="85"/>
        <source>Start over after</source>
        <translation>最初に戻るまで</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="93"/>
        <source>Without a touch for this long, the kiosk counts down and starts over. Editing makes a new version; answers already given keep theirs.</source>
        <translation>この時間だれも触れないと、カウントダウンのあと最初の画面に戻ります。編集すると新しい版になり、これまでの回答は元の版のまま残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="109"/>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="110"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="111"/>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="116"/>
        <source>How large the kiosk writes its questions and answers</source>
        <translation>アンケート画面の質問と回答の文字の大きさ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="120"/>
        <source>Kiosk text size</source>
        <translation>アンケートの文字</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="130"/>
        <source>Saved. The kiosk writes at this size from its next start.</source>
        <translation>保存しました。次にアンケート画面を始めるときから、この大きさで表示します。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="137"/>
        <source>built in</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="138"/>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="139"/>
        <source>edited</source>
        <translation>編集版</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="144"/>
        <source>Version %1 (%2): %3</source>
        <translation>第%1版（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="155"/>
        <source>set</source>
        <translation>設定済み</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="155"/>
        <source>not set yet</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="174"/>
        <source>The kiosk now asks: %1 (version %2).</source>
        <translation>アンケート画面の質問を切り替えました：%1（第%2版）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="193"/>
        <source>Saved as version %1 and in use.</source>
        <translation>第%1版として保存し、使用中にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="204"/>
        <source>The coordinator PIN is saved.</source>
        <translation>コーディネーターPINを保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/survey_settings.py" line="213"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>TallyScreen</name>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="87"/>
        <source>Enter a paper list…</source>
        <translation>紙の受付簿を入力…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="112"/>
        <source>Visits by hour</source>
        <translation>時間帯別の来場者数</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="113"/>
        <source>Visits by age</source>
        <translation>年代別の来場者数</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="180"/>
        <source>Held: %1</source>
        <translation>開催：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="183"/>
        <source>Nothing was held at this venue on this day.</source>
        <translation>この日、この会場での開催はありません（数値はすべて0です）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tally_screen.py" line="209"/>
        <source>%1+</source>
        <comment>the last hour of the chart and every later one</comment>
        <translation>%1時〜</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="92"/>
        <source>Leave the questionnaire</source>
        <translation>アンケート画面の終了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="98"/>
        <source>Coordinator PIN</source>
        <translation>コーディネーターPIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="100"/>
        <source>Only staff can leave the questionnaire.</source>
        <translation>終了できるのはスタッフだけです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="108"/>
        <source>Back to the questionnaire</source>
        <translation>アンケートに戻る</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin_dialogs.py" line="111"/>
        <source>Leave</source>
        <translation>終了する</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="33"/>
        <location filename="../../ui/dialogs/venue_dialog.py" line="38"/>
        <source>Add a venue</source>
        <translation>会場の追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="45"/>
        <source>e.g. Station Front Salon</source>
        <translation>例：駅前サロン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="48"/>
        <source>Venue name</source>
        <translation>会場名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="49"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="53"/>
        <source>Online is for sessions held over the internet, such as online dialogue sessions. The kind can still be changed until the first day is held there.</source>
        <translation>オンラインは、オンライン相談会のようにインターネットで開く会場です。種類は、その会場で最初の開催日を迎えるまでは変えられます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="63"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/venue_dialog.py" line="63"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
</context>
<context>
    <name>VenuePicker</name>
    <message>
        <location filename="../../ui/widgets/venue_picker.py" line="26"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
</context>
<context>
    <name>VisitorPickerDialog</name>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="53"/>
        <source>Sign someone up</source>
        <translation>申し込む人を選ぶ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="58"/>
        <source>Who joins “%1”?</source>
        <translation>「%1」に申し込むのはどなたですか？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="62"/>
        <source>Checked in today. Find her by nickname or number.</source>
        <translation>本日受付した人です。ニックネームか番号で探せます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="66"/>
        <source>Nickname or No.</source>
        <translation>ニックネームまたは番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="74"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="74"/>
        <source>Nickname</source>
        <translation>ニックネーム</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="74"/>
        <source>Age</source>
        <translation>年代</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="74"/>
        <source>Time</source>
        <translation>受付時刻</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="91"/>
        <source>No one checked in today matches.</source>
        <translation>本日の受付に当てはまる人がいません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="102"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="103"/>
        <source>Sign her up</source>
        <translation>申し込む</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visitor_picker.py" line="124"/>
        <source>No nickname</source>
        <translation>ニックネームなし</translation>
    </message>
</context>
<context>
    <name>WorkshopCatalogueCard</name>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="102"/>
        <source>Workshop catalogue</source>
        <translation>ワークショップ一覧</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="109"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="110"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="111"/>
        <source>Retire / bring back</source>
        <translation>終了／再開</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="112"/>
        <source>Add suggested</source>
        <translation>おすすめを追加</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="127"/>
        <source>no limit</source>
        <translation>定員なし</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="129"/>
        <source>%1 places</source>
        <translation>定員%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="131"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="133"/>
        <source>(retired)</source>
        <translation>（終了）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="144"/>
        <source>Select a workshop in the list first.</source>
        <translation>先に一覧からワークショップを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="153"/>
        <source>Workshop added.</source>
        <translation>ワークショップを追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="161"/>
        <source>Workshop saved.</source>
        <translation>ワークショップを保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="173"/>
        <source>Workshop retired.</source>
        <translation>ワークショップを終了にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="173"/>
        <source>Workshop brought back.</source>
        <translation>ワークショップを再開しました。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="178"/>
        <source>%1 suggested workshop(s) added.</source>
        <translation>おすすめのワークショップを%1件追加しました。</translation>
    </message>
</context>
<context>
    <name>WorkshopEditDialog</name>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="47"/>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="56"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="60"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="65"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="66"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="67"/>
        <source>Run by</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="68"/>
        <source>Length</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="69"/>
        <source>Places</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="73"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/settings/workshop_catalogue_card.py" line="73"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>WorkshopsScreen</name>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="68"/>
        <location filename="../../ui/screens/workshops_screen.py" line="98"/>
        <source>Today&apos;s workshops</source>
        <translation>本日のワークショップ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="70"/>
        <source>+ Add a workshop…</source>
        <translation>＋ ワークショップを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="71"/>
        <source>Same as last time</source>
        <translation>前回と同じ枠をコピー</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="73"/>
        <source>Add the suggested workshops</source>
        <translation>おすすめのワークショップを追加</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="115"/>
        <source>Change places…</source>
        <translation>定員を変更…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="116"/>
        <source>Remove from today…</source>
        <translation>本日から外す…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="124"/>
        <source>Sign someone up…</source>
        <translation>申込を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="127"/>
        <source>Came / did not come</source>
        <translation>出席／取り消し</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="129"/>
        <source>All booked came</source>
        <translation>予約者を全員出席に</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="131"/>
        <source>Cancel sign-up</source>
        <translation>申込を取り消す</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="203"/>
        <source>full, %1 waiting</source>
        <translation>満員・待ち%1人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="203"/>
        <source>%1 free</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="203"/>
        <source>no limit</source>
        <translation>定員なし</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="206"/>
        <source>booked %1</source>
        <translation>予約%1人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="208"/>
        <source>booked %1 / %2</source>
        <translation>予約 %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="212"/>
        <source>waiting %1</source>
        <translation>待ち%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="213"/>
        <source>came %1</source>
        <translation>出席%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="226"/>
        <source>Open today&apos;s check-in first; then add the day&apos;s workshops.</source>
        <translation>先に本日の受付を開始してから、ワークショップを追加してください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="232"/>
        <source>No workshops in the catalogue yet. Add the suggested ones above, or in Settings.</source>
        <translation>ワークショップがまだ登録されていません。上の「おすすめのワークショップを追加」か、設定から登録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="237"/>
        <source>No workshops today yet. Add one, or copy the last event&apos;s.</source>
        <translation>本日のワークショップはまだありません。追加するか、前回の枠をコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="260"/>
        <source>waiting (%1)</source>
        <translation>キャンセル待ち（%1番目）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="262"/>
        <source>came ✓</source>
        <translation>出席 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="264"/>
        <source>booked</source>
        <translation>予約済</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="293"/>
        <source>Suggested workshops added to the catalogue.</source>
        <translation>おすすめのワークショップを一覧に追加しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="299"/>
        <source>Added: %1</source>
        <translation>追加しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="309"/>
        <source>No earlier event at this venue had workshops.</source>
        <translation>この会場の過去の開催日にワークショップはありません。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="314"/>
        <source>Copied the workshops of %1.</source>
        <translation>%1 のワークショップ枠をコピーしました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="323"/>
        <source>Change places</source>
        <translation>定員の変更</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="324"/>
        <source>Places for “%1” (0 = no limit):</source>
        <translation>「%1」の定員（0＝定員なし）：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="325"/>
        <source>Change</source>
        <translation>変更する</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="334"/>
        <source>Places changed. Anyone waiting moved up if there was room.</source>
        <translation>定員を変更しました。空きがあればキャンセル待ちの方が繰り上がりました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="342"/>
        <source>Remove “%1” from today?</source>
        <translation>「%1」を本日から外しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="345"/>
        <source>%1 sign-up(s) will be cancelled (kept in the audit log).</source>
        <translation>%1件の申込が取り消されます（記録は監査ログに残ります）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="349"/>
        <source>Remove a workshop</source>
        <translation>ワークショップを外す</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="351"/>
        <source>Remove it</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="326"/>
        <location filename="../../ui/screens/workshops_screen.py" line="352"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="358"/>
        <source>Removed: %1</source>
        <translation>外しました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="370"/>
        <source>Everyone checked in today is already on this list.</source>
        <translation>本日受付した方は全員この一覧に入っています。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="389"/>
        <location filename="../../ui/screens/workshops_screen.py" line="411"/>
        <source>Select someone in the list first.</source>
        <translation>先に一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="395"/>
        <source>No. %1 came.</source>
        <translation>No. %1 を出席にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="397"/>
        <source>No. %1: attendance taken back.</source>
        <translation>No. %1 の出席を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="405"/>
        <source>Everyone booked is marked as came.</source>
        <translation>予約者全員を出席にしました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="418"/>
        <source>Cancelled: No. %1.</source>
        <translation>No. %1 の申込を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/workshops_screen.py" line="420"/>
        <source>No. %1 moved up from the waitlist.</source>
        <translation>キャンセル待ちの No. %1 が繰り上がりました。</translation>
    </message>
</context>
</TS>
