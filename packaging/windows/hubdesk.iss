; Inno Setup script for HubDesk's Windows installer (built by packaging/windows/build.ps1):
;   iscc /DAppVersion=0.1.0 /DBundleDir=build\bundle\dist\hubdesk /DOutputDir=dist packaging\windows\hubdesk.iss
; A per-user install (no administrator needed, as on a shared centre PC with a locked-down account):
; the program in %LOCALAPPDATA%\Programs\HubDesk, a Start-menu entry, optionally a desktop icon and the
; command line on the user's PATH. Learners' data lives in %LOCALAPPDATA%\HubDesk, outside the program's
; folder: an upgrade never touches it and uninstalling keeps it unless the person says to delete it.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\bundle\dist\hubdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6E1C5B0A-4D57-4C1B-9E1A-2F5B8C0D7A11}
AppName=HubDesk
AppVersion={#AppVersion}
AppPublisher=HubDesk project
AppVerName=HubDesk {#AppVersion}
DefaultDirName={localappdata}\Programs\HubDesk
DefaultGroupName=HubDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=hubdesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#BundleDir}\..\..\..\icons\hubdesk.ico
UninstallDisplayIcon={app}\hubdeskw.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.AddToPath=Let the command line find HubDesk (add it to my PATH)
fr.AddToPath=Permettre à la ligne de commande de trouver HubDesk (l'ajouter à mon PATH)
en.DeleteData=Also delete the learners' data in %1?%n%nChoose No to keep progress, notes and courses for a later install.
fr.DeleteData=Supprimer aussi les données des apprenants dans %1 ?%n%nChoisissez Non pour garder progrès, notes et cours pour une installation future.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Files]
; the whole PyInstaller folder: hubdesk.exe (console: the CLI), hubdeskw.exe (the window), _internal\
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; a new version replaces the old _internal whole: no stale module of the old version survives
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\HubDesk"; Filename: "{app}\hubdeskw.exe"; WorkingDir: "{app}"
Name: "{userdesktop}\HubDesk"; Filename: "{app}\hubdeskw.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\hubdeskw.exe"; Description: "{cm:LaunchProgram,HubDesk}"; Flags: nowait postinstall skipifsilent

[Code]
function NotOnPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure RemoveFromPath(Dir: string);
var
  Current: string;
  P: Integer;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    exit;
  P := Pos(';' + Uppercase(Dir), Uppercase(Current));
  if P > 0 then
  begin
    Delete(Current, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Current);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: string;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    RemoveFromPath(ExpandConstant('{app}'));
    DataDir := ExpandConstant('{localappdata}\HubDesk');
    // Learners' data stays unless the person asks, and never in a silent uninstall.
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
