; Inno Setup script: a per-user Windows installer for the frozen build in dist\GWA-Desktop.
;
; Officers have no administrator rights, so it installs into the user's own programs
; folder (%LOCALAPPDATA%\Programs\GWA Desktop) without a UAC prompt, with a start-menu
; entry and an uninstaller. The data (database, backups, logs) live elsewhere, in
; %LOCALAPPDATA%\GWA-Desktop (gwa_desktop/paths.py, platformdirs), which this script
; never names: installing, updating and uninstalling leave them alone, and the
; uninstaller removes only the files it installed.
;
; Build on Windows after PyInstaller (see installer/README.md):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\gwa-desktop.iss
; The setup program is written to dist\GWA-Desktop-Setup-<version>.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "GWA Desktop"
#define AppExe "gwa-desktop.exe"

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{5E0C2B7A-4F1D-4A3E-9B6C-2D8F7A1E3C94}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=GWA Desktop contributors
; Per user, no administrator rights; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=GWA-Desktop-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; An update closes a running program first, so no file is in use while it is replaced.
CloseApplications=yes

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "ukrainian"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the program's own folder completely, so no library of an older
; version lingers beside the new one. Only {app}\_internal: never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\GWA-Desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
