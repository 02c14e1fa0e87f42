# Builds HubDesk's Windows installer: dist\hubdesk-VERSION-windows-x64-setup.exe (and the bundle folder
# build\bundle\dist\hubdesk). The Windows twin of packaging/build-bundle.sh; needs Python 3.11+ and Inno
# Setup 6 (iscc on PATH or in its default folder). Run from anywhere:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$root = (Get-Location).Path
$version = (Select-String -Path hubdesk\__init__.py -Pattern '^__version__ = "(.*)"$').Matches[0].Groups[1].Value
$venv = Join-Path $root "build\bundle-venv"
$work = Join-Path $root "build\bundle"
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "build.ps1: $what failed" } }

Write-Host "== build environment ($venv)"
if (-not (Test-Path "$venv\Scripts\python.exe")) { python -m venv $venv; Check "venv" }
& "$venv\Scripts\python.exe" -m pip install -q --upgrade pip; Check "pip"
& "$venv\Scripts\python.exe" -m pip install -q "pyinstaller>=6.10,<7" "setuptools>=77" wheel; Check "PyInstaller"
& "$venv\Scripts\python.exe" -m pip install -q .; Check "HubDesk's dependencies"
& "$venv\Scripts\python.exe" -m pip install -q --no-deps --force-reinstall --no-build-isolation .; Check "HubDesk"

Write-Host "== icons"
if (Test-Path $work) { Remove-Item -Recurse -Force $work }
New-Item -ItemType Directory -Force "$work", "build\icons" | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
& "$venv\Scripts\python.exe" packaging\render_icons.py "$work\icons" | Out-Null; Check "icons"
Copy-Item "$work\icons\hubdesk.ico" "build\icons\hubdesk.ico"

Write-Host "== PyInstaller"
& "$venv\Scripts\pyinstaller.exe" packaging\hubdesk.spec --noconfirm --log-level WARN --distpath "$work\dist" --workpath "$work\work"
Check "PyInstaller"
$v = & "$work\dist\hubdesk\hubdesk.exe" --version
if ($v -ne "hubdesk $version") { throw "build.ps1: the bundle says '$v', not 'hubdesk $version'" }

Write-Host "== installer"
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
New-Item -ItemType Directory -Force dist | Out-Null
& $iscc /Q "/DAppVersion=$version" "/DBundleDir=$work\dist\hubdesk" "/DOutputDir=$root\dist" packaging\windows\hubdesk.iss
Check "Inno Setup"
Get-Item "dist\hubdesk-$version-windows-x64-setup.exe"
