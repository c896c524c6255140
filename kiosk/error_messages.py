"""What each error code says to a person, in Japanese and English.

One catalogue for the screens and the CLI alike (the CLI has no Qt, so it
cannot use Qt's translations). A test checks that every code a service
raises is here in every language, with the same {placeholders}.
"""

from __future__ import annotations

from kiosk.errors import KioskError

FIELDS = {
    "organisation": {"ja": "団体名", "en": "organisation name"},
    "venue": {"ja": "会場名", "en": "venue name"},
    "project": {"ja": "事業名", "en": "project name"},
    "workshop": {"ja": "ワークショップ名", "en": "workshop name"},
    "description": {"ja": "説明", "en": "description"},
    "facilitator": {"ja": "担当者", "en": "facilitator"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # check-in
    "invalid_choice": {
        "ja": "選択肢にない値です（{value}）。もう一度選んでください。",
        "en": "That is not one of the choices ({value}). Please choose again.",
    },
    "nickname_empty": {
        "ja": "ニックネームが空白だけです。入力するか、空欄のままにしてください。",
        "en": "The nickname is only spaces. Type one, or leave the field empty.",
    },
    "nickname_too_long": {
        "ja": "ニックネームは{limit}文字以内にしてください。",
        "en": "Please keep the nickname to {limit} characters or fewer.",
    },
    "nickname_invalid": {
        "ja": "ニックネームに使えない文字が含まれています。",
        "en": "The nickname contains characters that cannot be used.",
    },
    "nickname_taken": {
        "ja": "「{nickname}」は登録済みのニックネームです。ご本人なら一覧から選び、別の方なら違うニックネームにしてください。",
        "en": "“{nickname}” is already a registered nickname. If it is her, pick her from the list; "
        "if not, please choose another nickname.",
    },
    "nickname_and_visitor": {
        "ja": "登録済みの方を選んだまま新しいニックネームは付けられません。",
        "en": "A registered visitor is selected; a new nickname cannot be given at the same time.",
    },
    "visitor_not_found": {
        "ja": "選んだ方の登録が見つかりません（保存期間を過ぎて消去された可能性があります）。",
        "en": "The selected visitor is no longer registered (her details may have expired).",
    },
    "visitor_already_checked_in": {
        "ja": "この方は本日すでに受付済みです（No. {number}）。",
        "en": "She is already checked in today (No. {number}).",
    },
    "too_many_children": {
        "ja": "一度に受付できる託児は{limit}人までです。",
        "en": "At most {limit} children can be added in one check-in.",
    },
    "care_note_too_long": {
        "ja": "託児メモは{limit}文字以内にしてください（アレルギーなど要点のみ）。",
        "en": "Keep the care note to {limit} characters (allergies and the like only).",
    },
    "event_not_found": {
        "ja": "この開催日が見つかりません。",
        "en": "This event could not be found.",
    },
    "event_not_open": {
        "ja": "本日の受付は開いていません。まず「本日の受付を開始」を押してください。",
        "en": "Check-in is not open. Press “Open today's check-in” first.",
    },
    "event_not_today": {
        "ja": "再開できるのは当日の受付だけです。",
        "en": "Only today's check-in can be reopened.",
    },
    "children_still_in_care": {
        "ja": "まだ{count}人のお子さんが託児中です。",
        "en": "{count} children are still in childcare.",
    },
    "nothing_to_undo": {
        "ja": "取り消せる受付がありません。",
        "en": "There is no check-in to undo.",
    },
    "visit_not_found": {
        "ja": "この受付が見つかりません。",
        "en": "This check-in could not be found.",
    },
    "visit_already_cancelled": {
        "ja": "No. {number} はすでに取り消されています。",
        "en": "No. {number} is already cancelled.",
    },
    # childcare
    "pickup_code_empty": {
        "ja": "お迎え番号を入力してください。",
        "en": "Please type the pickup code.",
    },
    "pickup_code_format": {
        "ja": "お迎え番号は{digits}桁の数字です。",
        "en": "The pickup code is {digits} digits.",
    },
    "pickup_code_unknown": {
        "ja": "お迎え番号 {code} のお子さんはいません。番号をもう一度確かめてください。",
        "en": "No child has pickup code {code}. Please check the number again.",
    },
    "child_already_handed_back": {
        "ja": "お迎え番号 {code} のお子さんは {time} にお迎え済みです。",
        "en": "The child with pickup code {code} was already picked up at {time}.",
    },
    "child_not_found": {
        "ja": "このお子さんの記録が見つかりません。",
        "en": "This child's record could not be found.",
    },
    "no_pickup_codes_left": {
        "ja": "この開催日のお迎え番号を使い切りました。",
        "en": "All pickup codes of this event are in use.",
    },
    # venues and settings
    "name_empty": {"ja": "{field}を入力してください。", "en": "Please enter the {field}."},
    "name_too_long": {
        "ja": "{field}は{limit}文字以内にしてください。",
        "en": "Please keep the {field} to {limit} characters or fewer.",
    },
    "venue_name_taken": {
        "ja": "「{name}」という会場はすでにあります。",
        "en": "There is already a venue called “{name}”.",
    },
    "venue_not_found": {"ja": "会場が見つかりません。", "en": "The venue could not be found."},
    "last_venue": {
        "ja": "最後の会場は終了にできません。先に別の会場を追加してください。",
        "en": "The last venue cannot be retired. Add another venue first.",
    },
    "invalid_language": {
        "ja": "対応していない言語です（{value}）。",
        "en": "Unsupported language ({value}).",
    },
    # the database and the disk
    "not_a_database": {
        "ja": "{path} はTsunagariのデータベースではないか、壊れています。ファイルは変更していません。",
        "en": "{path} is not a Tsunagari database, or it is damaged. The file was not changed.",
    },
    "not_our_database": {
        "ja": "{path} は別のアプリのデータベースです。ファイルは変更していません。",
        "en": "{path} belongs to another application. The file was not changed.",
    },
    "database_too_new": {
        "ja": "このデータベースは新しいバージョンのTsunagariで作られています。アプリを更新してください（ファイルは変更していません）。",
        "en": "This database was made by a newer Tsunagari. Please update the app (the file was not changed).",
    },
    "database_url_invalid": {
        "ja": "データベースのURL（--database-url）を読み取れません。書き方を確かめてください。",
        "en": "The database URL (--database-url) cannot be used. Please check how it is written.",
    },
    "database_driver_missing": {
        "ja": "このデータベースに接続するためのドライバー（{driver}）が入っていません。",
        "en": "The driver for this database ({driver}) is not installed.",
    },
    "backup_failed": {
        "ja": "更新の前にデータベースの控えを作れませんでした（{path}）。空き容量と権限を確かめてください。データベースは更新していません。",
        "en": "A copy of the database could not be made before updating it ({path}). "
        "Check free space and permissions; the database was not updated.",
    },
    "disk_full": {
        "ja": "ディスクがいっぱいで保存できませんでした。空きを作ってからもう一度押してください。",
        "en": "The disk is full, so nothing was saved. Free some space and press again.",
    },
    "read_only": {
        "ja": "データフォルダに書き込めないため保存できませんでした。フォルダの権限を確かめてください。",
        "en": "The data folder cannot be written, so nothing was saved. Check the folder's permissions.",
    },
    "cannot_open": {
        "ja": "データベースを開けませんでした。フォルダがあり、書き込めるか確かめてください。",
        "en": "The database could not be opened. Check that the folder exists and can be written.",
    },
    "database_busy": {
        "ja": "データベースが別の処理で使用中です。少し待ってからもう一度押してください。",
        "en": "The database is busy. Wait a moment and press again.",
    },
    "io_error": {
        "ja": "ディスクの読み書きに失敗しました。保存されていません。もう一度押してください。",
        "en": "The disk could not be read or written. Nothing was saved; press again.",
    },
    "database_damaged": {
        "ja": "データベースが壊れています。バックアップから戻す必要があります。",
        "en": "The database is damaged and must be restored from a backup.",
    },
    "storage_failed": {
        "ja": "保存できませんでした。もう一度押してください。",
        "en": "It could not be saved. Please press again.",
    },
    # workshops
    "capacity_invalid": {
        "ja": "定員は1以上の数にしてください（定員なしの場合は「定員なし」を選んでください）。",
        "en": "Capacity must be 1 or more (choose “unlimited” for no limit).",
    },
    "capacity_too_large": {
        "ja": "定員は{limit}人までです。",
        "en": "Capacity can be at most {limit}.",
    },
    "capacity_below_booked": {
        "ja": "すでに{booked}人が申込済みです。定員はそれより少なくできません。",
        "en": "{booked} people are already booked; the capacity cannot be lower than that.",
    },
    "minutes_invalid": {
        "ja": "時間（分）は{low}〜{high}分にしてください。",
        "en": "The length must be between {low} and {high} minutes.",
    },
    "workshop_not_found": {
        "ja": "このワークショップが見つかりません（終了にした可能性があります）。",
        "en": "This workshop could not be found (it may have been retired).",
    },
    "workshop_name_taken": {
        "ja": "「{name}」というワークショップはすでにあります。",
        "en": "There is already a workshop called “{name}”.",
    },
    "slot_outside_day": {
        "ja": "この時間では開催日の中に収まりません。開始時刻か時間を見直してください。",
        "en": "At that time the workshop would not fit in the event's day. Check the start or length.",
    },
    "slot_not_found": {
        "ja": "このワークショップ枠が見つかりません（外された可能性があります）。",
        "en": "This workshop slot could not be found (it may have been removed).",
    },
    "slot_has_signups": {
        "ja": "この枠には{count}人の申込があります。外すと申込も取り消されます。",
        "en": "{count} people are signed up for this slot. Removing it cancels their sign-ups.",
    },
    "nothing_to_copy": {
        "ja": "コピーできるワークショップ枠がありません。",
        "en": "There are no workshop slots to copy.",
    },
    "visit_not_at_event": {
        "ja": "申込できるのは、この開催日に受付済みの方だけです。",
        "en": "Only someone checked in at this event can sign up.",
    },
    "visit_cancelled_no_signup": {
        "ja": "No. {number} の受付は取り消されているため、申込できません。",
        "en": "Check-in No. {number} is cancelled, so she cannot sign up.",
    },
    "slot_overlaps": {
        "ja": "同じ時間帯に「{name}」（{time}）の申込があります。",
        "en": "She is already signed up for “{name}” ({time}) at an overlapping time.",
    },
    "slot_full": {
        "ja": "この枠は満員です（キャンセル待ち{waitlisted}人）。",
        "en": "This slot is full ({waitlisted} on the waitlist).",
    },
    "signup_not_found": {
        "ja": "この申込が見つかりません。",
        "en": "This sign-up could not be found.",
    },
    "signup_already_cancelled": {
        "ja": "この申込はすでに取り消されています。",
        "en": "This sign-up is already cancelled.",
    },
    "waitlisted_not_attended": {
        "ja": "キャンセル待ちの方は出席にできません。先に枠を空けるか定員を増やしてください。",
        "en": "A waitlisted sign-up cannot be marked attended. Free a place or raise the capacity first.",
    },
    # daily tally and exports
    "export_write_failed": {
        "ja": "ファイルを書き込めませんでした（{path}）。保存先と空き容量を確かめてください。途中までのファイルは残していません。",
        "en": "The file could not be written ({path}). Check the folder and free space; no partial file was left.",
    },
    "date_range_reversed": {
        "ja": "終わりの日付が始まりより前になっています。",
        "en": "The end date is before the start date.",
    },
    "date_range_too_long": {
        "ja": "日別の書き出しは一度に{limit}日までです。",
        "en": "A daily export covers at most {limit} days at a time.",
    },
    "venue_unknown": {
        "ja": "「{name}」という会場はありません。",
        "en": "There is no venue called “{name}”.",
    },
    # periods and fiscal years
    "month_invalid": {
        "ja": "月「{value}」が読めません。2026-04 のように、1〜12月で入力してください。",
        "en": "The month “{value}” cannot be read. Use the form 2026-04 (months 1 to 12).",
    },
    "year_invalid": {
        "ja": "年度「{value}」が読めません。2023 のように西暦で入力してください。",
        "en": "The fiscal year “{value}” cannot be read. Give the starting year, like 2023.",
    },
    # KPI targets and paper lists ------------------------------------------------------
    "kpi_metric_unknown": {
        "ja": "「{metric}」という目標の項目はありません。",
        "en": "There is no target metric called “{metric}”.",
    },
    "kpi_year_out_of_range": {
        "ja": "年度「{value}」は扱えません。{low}〜{high}年度の西暦で指定してください。",
        "en": "The fiscal year “{value}” cannot be used. Give a year from {low} to {high}.",
    },
    "kpi_target_unreadable": {
        "ja": "目標値「{value}」を数として読めません。180 のように数字で入力してください（空欄なら目標なし）。",
        "en": "The target “{value}” is not a number. Type digits, like 180 (empty: no target).",
    },
    "kpi_target_negative": {
        "ja": "目標値にマイナスは使えません。0以上で入力してください。",
        "en": "A target cannot be negative. Please give 0 or more.",
    },
    "kpi_rate_over_100": {
        "ja": "割合の目標は100%までです（{value}%）。",
        "en": "A rate's target is at most 100% ({value}%).",
    },
    "kpi_target_not_whole": {
        "ja": "回数・人数・件数の目標は整数で入力してください（{value}）。",
        "en": "A target for a count must be a whole number ({value}).",
    },
    "kpi_target_too_large": {
        "ja": "目標値が大きすぎます（{limit}まで）。桁を確かめてください。",
        "en": "The target is too large (at most {limit}). Please check the digits.",
    },
    "kpi_target_not_found": {
        "ja": "この項目には目標が設定されていません。",
        "en": "This metric has no target set.",
    },
    "kpi_nothing_to_copy": {
        "ja": "{year}年度には写せる目標がありません。",
        "en": "Fiscal year {year} has no targets to copy.",
    },
    "paper_day_not_past": {
        "ja": "{day} は今日以降の日付です。紙の受付簿から入力できるのは過ぎた日だけです（今日の分は受付画面で）。",
        "en": "{day} is today or later. Paper lists are entered for past days only (today is for the check-in screen).",
    },
    "paper_count_invalid": {
        "ja": "人数は0以上の整数で入力してください（{value}）。",
        "en": "Counts must be whole numbers, 0 or more ({value}).",
    },
    "paper_count_too_large": {
        "ja": "人数が大きすぎます（1日{limit}人まで）。桁を確かめてください。",
        "en": "A count is too large (at most {limit} a day). Please check the digits.",
    },
    "paper_residence_mismatch": {
        "ja": "年代別の合計（{by_age}人）とお住まい別の合計（{by_residence}人）が合いません。同じ来場者を2通りに数えるので、同じ数になるはずです（分からない分は「無回答」に）。",
        "en": "The total by age ({by_age}) and the total by residence ({by_residence}) differ. Both count the same visitors, so they must match (put what is not known under “No answer”).",
    },
    "paper_first_visits_exceed": {
        "ja": "はじめての方（{first}人）が来場者数（{visits}人）より多くなっています。",
        "en": "There are more first visits ({first}) than visits ({visits}).",
    },
    "paper_children_without_visits": {
        "ja": "託児が{children}人なのに来場者が0人です。来場者を年代別に入力してください。",
        "en": "{children} children in childcare but no visits. Please enter the visits by age.",
    },
    "paper_children_by_age_mismatch": {
        "ja": "子どもの年齢別の合計（{by_age}人）が託児人数（{children}人）と合いません。",
        "en": "The children by age ({by_age}) do not add up to the children in childcare ({children}).",
    },
    "paper_workshops_too_many": {
        "ja": "ワークショップ参加者（{participants}人）が多すぎます。来場者{visits}人に対して{limit}人までです。",
        "en": "Too many workshop participants ({participants}): at most {limit} for {visits} visits.",
    },
    "paper_day_has_checkins": {
        "ja": "{day} はこの会場で受付の記録（{visits}件）があります。同じ日を紙の受付簿からも入れると二重に数えるため、入力できません。",
        "en": "{day} already has {visits} check-in(s) at this venue. Entering the paper list too would count the day twice, so it is refused.",
    },
    "paper_day_exists": {
        "ja": "{day} のこの会場の紙の受付簿はすでに入力されています。その入力を開いて直してください。",
        "en": "The paper list of {day} at this venue is already entered. Open that entry and correct it instead.",
    },
    "paper_day_not_found": {
        "ja": "この紙の受付簿の入力が見つかりません。",
        "en": "This paper-list entry could not be found.",
    },
    "paper_day_cancelled": {
        "ja": "この紙の受付簿の入力は取り消されています。",
        "en": "This paper-list entry is cancelled.",
    },
    # retention and audit
    "retention_days_range": {
        "ja": "保存期間は{low}日から{high}日の間で指定してください。",
        "en": "The retention period must be between {low} and {high} days.",
    },
    "audit_dates_invalid": {
        "ja": "期間の始まりが終わりより後になっています。日付を確かめてください。",
        "en": "The start of the period is after its end. Please check the dates.",
    },
    # backups ------------------------------------------------------------------------
    "database_moved_aside": {
        "ja": "データベース {path} が壊れていたため、{aside} として別に保存しました（消していません）。"
        "最新のバックアップ（{taken}、{backup}）から戻せます。",
        "en": "The database {path} was damaged, so it was set aside as {aside} (nothing deleted). "
        "The latest backup ({taken}, {backup}) can be restored.",
    },
    "database_moved_aside_no_backup": {
        "ja": "データベース {path} が壊れていたため、{aside} として別に保存しました（消していません）。"
        "使えるバックアップはありません。",
        "en": "The database {path} was damaged, so it was set aside as {aside} (nothing deleted). "
        "There is no usable backup.",
    },
    "no_database": {
        "ja": "バックアップするデータベースがありません（{path}）。",
        "en": "There is no database to back up ({path}).",
    },
    "backup_not_made": {
        "ja": "バックアップを作れませんでした（{path}）。空き容量と権限を確かめてください。",
        "en": "The backup could not be made ({path}). Check free space and permissions.",
    },
    "backup_not_found": {
        "ja": "バックアップ「{name}」が見つかりません。`tsunagari backup list` で名前を確かめてください。",
        "en": "There is no backup named “{name}”. See `tsunagari backup list` for the names.",
    },
    "backup_damaged": {
        "ja": "バックアップ「{name}」は壊れているため戻せません。別のバックアップを選んでください。",
        "en": "The backup “{name}” is damaged and cannot be restored. Please choose another.",
    },
    "restore_failed": {
        "ja": "バックアップから戻せませんでした（{path}）。今までのファイルはそのままです。",
        "en": "The backup could not be restored ({path}). The current file is as it was.",
    },
    "backup_needs_data_folder": {
        "ja": "バックアップはデータフォルダ（--data-dir）のデータベースだけが対象です。--database-url は使えません。",
        "en": "Backups are made only of the database in the data folder (--data-dir), "
        "not of --database-url.",
    },
    # command line and start-up
    "gui_unavailable": {
        "ja": "画面（GUI）を起動できません: {reason}",
        "en": "The window (GUI) cannot start: {reason}",
    },
    "label_write_failed": {
        "ja": "ラベルのPDFを書き込めませんでした（{path}）。",
        "en": "The label PDF could not be written ({path}).",
    },
    "font_missing": {
        "ja": "日本語フォントが見つかりません（{path}）。アプリを入れ直してください。",
        "en": "The Japanese font is missing ({path}). Please reinstall the app.",
    },
    # questionnaire ------------------------------------------------------------------
    # Definition files: each message names the file and the place in it ({at}).
    "questionnaire_unreadable": {
        "ja": "アンケート定義 {file} を読み込めません（UTF-8のテキストファイルか確かめてください）。",
        "en": "The questionnaire file {file} cannot be read (is it a UTF-8 text file?).",
    },
    "questionnaire_not_json": {
        "ja": "アンケート定義 {file} の{line}行目{column}文字目にJSONの書き方の誤りがあります。",
        "en": "The questionnaire file {file} is not valid JSON at line {line}, column {column}.",
    },
    "questionnaire_format": {
        "ja": "アンケート定義 {file} は新しい形式（format {value}）です。アプリを更新してください。",
        "en": "The questionnaire file {file} uses a newer format ({value}). Please update the app.",
    },
    "questionnaire_missing": {
        "ja": "アンケート定義 {file}: {at} がありません。",
        "en": "Questionnaire file {file}: {at} is missing.",
    },
    "questionnaire_invalid": {
        "ja": "アンケート定義 {file}: {at} の値が正しくありません。",
        "en": "Questionnaire file {file}: the value of {at} is not valid.",
    },
    "questionnaire_bad_name": {
        "ja": "アンケート定義 {file}: {at} の「{value}」は使えません（半角英小文字・数字・_・- で40文字まで）。",
        "en": "Questionnaire file {file}: “{value}” cannot be used for {at} "
        "(lower-case letters, digits, _ and -, up to 40).",
    },
    "questionnaire_missing_language": {
        "ja": "アンケート定義 {file}: {at} に「{lang}」の文がありません。",
        "en": "Questionnaire file {file}: {at} has no text for “{lang}”.",
    },
    "questionnaire_text_too_long": {
        "ja": "アンケート定義 {file}: {at} は{limit}文字以内にしてください。",
        "en": "Questionnaire file {file}: {at} must be {limit} characters or fewer.",
    },
    "questionnaire_too_many": {
        "ja": "アンケート定義 {file}: {at} は{limit}個までです。",
        "en": "Questionnaire file {file}: {at} may hold at most {limit} entries.",
    },
    "questionnaire_too_few_options": {
        "ja": "アンケート定義 {file}: {at} には選択肢が2つ以上必要です。",
        "en": "Questionnaire file {file}: {at} needs at least two options.",
    },
    "questionnaire_duplicate": {
        "ja": "アンケート定義 {file}: {at} の「{value}」が重複しています。",
        "en": "Questionnaire file {file}: “{value}” appears twice ({at}).",
    },
    "questionnaire_unknown_type": {
        "ja": "アンケート定義 {file}: {at} の種類「{value}」はありません（使えるのは {types}）。",
        "en": "Questionnaire file {file}: {at} has the unknown type “{value}” (use one of {types}).",
    },
    "questionnaire_bad_rule": {
        "ja": "アンケート定義 {file}: {at} の「{value}」は使えません"
        "（「満足」の判定には単一選択の質問とその一部の選択肢を指定します）。",
        "en": "Questionnaire file {file}: “{value}” cannot be used for {at} (“satisfied” needs "
        "a single-choice question and some, not all, of its options).",
    },
    "questionnaire_missing_phrase": {
        "ja": "アンケート定義 {file}: {at} に画面の文言「{key}」がありません。",
        "en": "Questionnaire file {file}: {at} lacks the kiosk phrase “{key}”.",
    },
    "questionnaire_phrase_placeholders": {
        "ja": "アンケート定義 {file}: {at} には {names} をそのまま入れてください。",
        "en": "Questionnaire file {file}: {at} must keep exactly {names}.",
    },
    "questionnaire_version_changed": {
        "ja": "アンケート定義 {file} は、使用済みの {id} 第{version}版と中身が違います。"
        "変更するときは version の番号を上げてください（保存済みの第{version}版を使い続けます）。",
        "en": "The questionnaire file {file} differs from {id} version {version}, which is already "
        "in use. Raise its version number to change it (version {version} as saved stays in use).",
    },
    "questionnaire_none": {
        "ja": "使えるアンケートがありません。",
        "en": "There is no questionnaire that can be used.",
    },
    "questionnaire_not_found": {
        "ja": "アンケート（{ref}）が見つかりません。",
        "en": "The questionnaire ({ref}) could not be found.",
    },
    # Responses
    "survey_unknown_question": {
        "ja": "このアンケートにない質問です（{question}）。",
        "en": "That question is not in this questionnaire ({question}).",
    },
    "survey_required": {
        "ja": "質問{number}は必ずお答えください。",
        "en": "Question {number} must be answered.",
    },
    "survey_empty": {
        "ja": "回答がひとつもありません。",
        "en": "Not a single question is answered.",
    },
    "survey_invalid_answer": {
        "ja": "質問{number}の回答が選択肢にありません。",
        "en": "The answer to question {number} is not one of its options.",
    },
    "survey_text_too_long": {
        "ja": "質問{number}は{limit}文字以内にしてください（いま{count}文字）。",
        "en": "Please keep question {number} to {limit} characters (now {count}).",
    },
    "survey_idle_range": {
        "ja": "待ち時間は{low}〜{high}秒の間にしてください。",
        "en": "The idle time must be between {low} and {high} seconds.",
    },
    # Coordinator PIN
    "pin_not_set": {
        "ja": "コーディネーターのPINがまだ設定されていません。設定画面で設定してください。",
        "en": "No coordinator PIN is set yet. Set one in Settings.",
    },
    "pin_format": {
        "ja": "PINは{low}〜{high}桁の数字にしてください。",
        "en": "The PIN must be {low} to {high} digits.",
    },
    "pin_mismatch": {
        "ja": "2回入力したPINが一致しません。",
        "en": "The two PINs you typed are not the same.",
    },
    "pin_wrong": {
        "ja": "PINが違います。あと{tries}回間違えると、しばらく入力できなくなります。",
        "en": "That PIN is not right. After {tries} more wrong tries there will be a pause.",
    },
    "pin_locked": {
        "ja": "間違いが続いたため、{seconds}秒後までPINを受け付けません。",
        "en": "Too many wrong PINs: try again in {seconds} seconds.",
    },
    # consultations -------------------------------------------------------------------
    "date_invalid": {
        "ja": "日付（{value}）を読み取れません。2026-11-22 のように、実在する日付を入力してください。",
        "en": "The date ({value}) cannot be read. Please give a real date, like 2026-11-22.",
    },
    "date_in_future": {
        "ja": "{day} はまだ来ていない日です。今日か過去の日付にしてください。",
        "en": "{day} is in the future. Please use today or a past date.",
    },
    "period_invalid": {
        "ja": "期間の始め（{first}）が終わり（{last}）より後になっています。",
        "en": "The period starts ({first}) after it ends ({last}).",
    },
    "consultation_minutes_invalid": {
        "ja": "相談の時間は{low}〜{high}分にしてください（分からなければ空欄で構いません）。",
        "en": "The length must be {low} to {high} minutes (leave it empty if not known).",
    },
    "consultation_event_mismatch": {
        "ja": "選んだ開催日は、この会場・この日付のものではありません。",
        "en": "The chosen event is not at this venue on this date.",
    },
    "consultation_visit_mismatch": {
        "ja": "選んだ受付は、この開催日のものではありません。",
        "en": "The chosen check-in is not from this event.",
    },
    "consultation_visit_cancelled": {
        "ja": "No. {number} の受付は取り消されているため、相談と結び付けられません。",
        "en": "Check-in No. {number} is cancelled, so the consultation cannot be linked to it.",
    },
    "consultation_not_found": {
        "ja": "この相談記録が見つかりません。",
        "en": "This consultation record could not be found.",
    },
    "consultation_cancelled": {
        "ja": "この相談記録は取り消されています。",
        "en": "This consultation record is cancelled.",
    },
    "referral_consultation_mismatch": {
        "ja": "つなぎ先は、同じ会場・同じ日付の相談にだけ結び付けられます。",
        "en": "A referral can only be linked to a consultation at the same venue on the same date.",
    },
    "referral_not_found": {
        "ja": "このつなぎ先の記録が見つかりません。",
        "en": "This referral could not be found.",
    },
    "case_meeting_not_found": {
        "ja": "このケース会議の記録が見つかりません。",
        "en": "This case meeting could not be found.",
    },
    "list_unknown": {
        "ja": "「{name}」という一覧はありません。",
        "en": "There is no list called “{name}”.",
    },
    "list_not_editable": {
        "ja": "「{name}」の一覧は変更できません（変更できるのは相談の分類とつなぎ先です）。",
        "en": "The list “{name}” cannot be changed (only categories and agencies can).",
    },
    "list_label_empty": {
        "ja": "表示名を入力してください。",
        "en": "Please type a label.",
    },
    "list_label_too_long": {
        "ja": "表示名はボタンに収まるよう{limit}文字以内にしてください。",
        "en": "Please keep the label to {limit} characters, so it fits on a button.",
    },
    "list_label_taken": {
        "ja": "「{label}」はすでに一覧にあります（非表示にしたものなら、再表示してください）。",
        "en": "“{label}” is already in the list (if it is hidden, show it again).",
    },
    "list_entry_not_found": {
        "ja": "この項目が一覧に見つかりません。",
        "en": "This entry is not in the list.",
    },
    "list_last_visible": {
        "ja": "最後の1つは非表示にできません。先に別の項目を追加してください。",
        "en": "The last entry cannot be hidden. Add another one first.",
    },
    "list_too_long": {
        "ja": "一覧に追加できる項目は{limit}個までです。",
        "en": "At most {limit} entries can be added to a list.",
    },
}


def describe(error: KioskError, lang: str = "ja") -> str:
    """The sentence for a coded error, in `lang` (Japanese if unknown)."""
    texts = MESSAGES.get(error.code)
    if texts is None:
        texts = {
            "ja": f"エラーが発生しました（{error.code}）。",
            "en": f"Something went wrong ({error.code}).",
        }
    template = texts.get(lang) or texts["ja"]
    params = dict(error.params)
    if "field" in params:
        params["field"] = FIELDS.get(params["field"], {}).get(lang, params["field"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
