; Inno Setup 6 script: the Windows installer of Evidence Kit.
; NOT YET TESTED ON WINDOWS (our machines run Linux); the hosted workflow
; .github/workflows/bundles.yml builds and smoke-tests it. packaging/build.py runs it when
; Inno Setup's compiler is on the PATH:
;   iscc /DAppVersion=0.2.0 /DRoot=C:\path\to\checkout packaging\windows\evidence-kit.iss
; Choices made for the people who use it:
; - per-user install by default (no administrator needed on a shared or work PC);
; - no desktop shortcut unless asked: an icon on the desktop tells anyone who looks;
; - the installer speaks Dutch or English, as the app does.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Root
  #define Root "..\.."
#endif
#ifndef Dist
  #define Dist Root + "\dist"
#endif
#ifndef IconDir
  #define IconDir Root + "\build\icons"
#endif

[Setup]
AppId={{8D3C2B7E-5A41-4F0B-9E62-3B7A1C0D5E94}
AppName=Evidence Kit
AppVersion={#AppVersion}
AppVerName=Evidence Kit {#AppVersion}
AppPublisher=Evidence Kit developers
DefaultDirName={autopf}\Evidence Kit
DefaultGroupName=Evidence Kit
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Dist}
OutputBaseFilename=evidence-kit-{#AppVersion}-setup
SetupIconFile={#IconDir}\evidence-kit.ico
UninstallDisplayIcon={app}\evidence-kit-gui.exe
UninstallDisplayName=Evidence Kit
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Dist}\evidence-kit\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Evidence Kit"; Filename: "{app}\evidence-kit-gui.exe"
Name: "{autodesktop}\Evidence Kit"; Filename: "{app}\evidence-kit-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\evidence-kit-gui.exe"; Description: "{cm:LaunchProgram,Evidence Kit}"; Flags: nowait postinstall skipifsilent
