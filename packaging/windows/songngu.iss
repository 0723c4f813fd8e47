; Inno Setup 6 script: a per-user (or, if chosen, all-users) installer for the Song Ngữ
; bundle built by packaging\build.ps1. Start-menu entry, optional desktop icon, uninstaller.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\songngu.iss
;
; Output: dist\SongNgu-<version>-setup.exe. Paths are relative to this file.
; Saved as UTF-8 with a byte-order mark so Inno Setup reads "Song Ngữ" correctly.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z songngu.iss (build.ps1 does this)
#endif
#define AppName "Song Ngữ"
#define AppExe "songngu.exe"

[Setup]
; AppId identifies the product to the uninstaller across versions: never change it.
AppId={{6893544A-704E-4EF6-A136-C7AA9C6B4BC9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Song Ngữ developers
AppPublisherURL=https://github.com/songngu/songngu
DefaultDirName={autopf}\Song Ngu
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without admin rights; the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SongNgu-{#AppVersion}-setup
SetupIconFile=..\icons\songngu.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The archive itself lives in %LOCALAPPDATA%\songngu and is never touched by setup or
; uninstall: a reinstall or an upgrade keeps every article.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\songngu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Read and search Vietnamese–English articles offline"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may leave bytecode caches beside the bundle; remove the folder completely.
Type: filesandordirs; Name: "{app}\_internal"
