; Inno Setup 6 script: the Windows installer of つながり / Tsunagari.
; Saved as UTF-8 with a byte-order mark, so ISCC reads the Japanese texts as UTF-8.
;
; Built by `python packaging/build.py --installer` on Windows (and by
; .github/workflows/bundle.yml), which passes the version and the folder
; PyInstaller made:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\Tsunagari /DOutputDir=dist ^
;        /DIconFile=packaging\icons\tsunagari.ico packaging\windows\tsunagari.iss
;
; Per user, no administrator rights: it installs under %LOCALAPPDATA%\Programs.
; The data (database, backups, labels) lives apart, in %LOCALAPPDATA%\Tsunagari
; (kiosk/core/paths.py), so an update over the old version keeps it, and the
; uninstaller deletes it only when asked.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Tsunagari"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\icons\tsunagari.ico"
#endif

[Setup]
; The same AppId for every version: a new installer updates the old install in place.
AppId={{6C1E5B7A-0F4B-4E8C-9B52-7A1D3C2E9F10}
AppName=Tsunagari
AppVerName=Tsunagari {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Tsunagari
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Tsunagari
DefaultGroupName=Tsunagari
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Tsunagari-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Tsunagari.exe
UninstallDisplayName=つながり Tsunagari
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Japanese on a Japanese Windows, English elsewhere, without asking.
ShowLanguageDialog=auto
; A running Tsunagari is closed (and reopened) around an update.
CloseApplications=yes

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.AppTitle=つながり
en.AppTitle=Tsunagari
ja.KioskTitle=つながり アンケート（タブレット用）
en.KioskTitle=Tsunagari questionnaire kiosk
ja.KioskComment=アンケートの全画面表示で起動します（終了は管理者PIN）
en.KioskComment=Starts straight into the full-screen questionnaire (leave it with the coordinator PIN)
ja.DesktopKiosk=アンケート（タブレット用）のショートカットもデスクトップに作る
en.DesktopKiosk=Also a desktop shortcut straight into the questionnaire kiosk
ja.DeleteDataTitle=データの削除
en.DeleteDataTitle=Delete the data
ja.DeleteDataQuestion=つながりのデータ（データベース、バックアップ、ラベル）も削除しますか？%n%n%1%n%n通常は「いいえ」を選んでください。データは残り、もう一度インストールするとそのまま使えます。
en.DeleteDataQuestion=Also delete Tsunagari's data (the database, its backups and labels)?%n%n%1%n%nUsually choose No: the data stays, and installing Tsunagari again finds it as it was.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "desktopkiosk"; Description: "{cm:DesktopKiosk}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program's files whole: nothing of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\Tsunagari.exe"
Name: "{autoprograms}\{cm:KioskTitle}"; Filename: "{app}\Tsunagari.exe"; Parameters: "survey"; Comment: "{cm:KioskComment}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\Tsunagari.exe"; Tasks: desktopicon
Name: "{autodesktop}\{cm:KioskTitle}"; Filename: "{app}\Tsunagari.exe"; Parameters: "survey"; Comment: "{cm:KioskComment}"; Tasks: desktopkiosk

[Run]
Filename: "{app}\Tsunagari.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder of kiosk/core/paths.py: platformdirs' user data folder, "Tsunagari".
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\Tsunagari');
end;

// After the program's files are gone: the data stays unless the person asks.
// A silent uninstall (an update script, an administrator's tool) never deletes it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
  begin
    if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataFolder()]),
              mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataFolder(), True, True, True);
  end;
end;
