# (Saved as UTF-8 with a BOM so Windows PowerShell 5.1 prints "Song Ngữ" correctly.)
# Build the one-folder Song Ngữ bundle on Windows, prove it works with --self-test, and (when
# Inno Setup is installed) wrap it in an installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Python .venv\Scripts\python.exe] [-NoInstaller]
#
# Output: dist\songngu\ (songngu.exe, songngu-cli.exe, _internal\) and
# dist\SongNgu-<version>-setup.exe. Stops with a non-zero exit code on any failure.
param(
    [string]$Python = "",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
$Repo = Split-Path -Parent $PSScriptRoot
Set-Location $Repo

if (-not $Python) {
    $Python = if (Test-Path ".venv\Scripts\python.exe") { ".venv\Scripts\python.exe" } else { "python" }
}

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

& $Python -m PyInstaller --version *> $null
if ($LASTEXITCODE -ne 0) { throw "PyInstaller is missing; run: $Python -m pip install pyinstaller" }
if (-not (Get-ChildItem "viewer\i18n\*.qm" -ErrorAction SilentlyContinue)) {
    throw "no compiled translations in viewer\i18n\ (*.qm); compile them first"
}
$Version = (& $Python -c "import archive; print(archive.__version__)").Trim()

Write-Host "== building Song Ngữ $Version with PyInstaller"
Invoke-Checked "PyInstaller" {
    & $Python -m PyInstaller --noconfirm --log-level WARN `
        --distpath dist --workpath build\pyinstaller packaging\songngu.spec
}

$Bundle = "dist\songngu"
$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host "== bundle size: $SizeMB MB"
Invoke-Checked "songngu-cli --version" { & "$Bundle\songngu-cli.exe" --version }

Write-Host "== self-test of the bundle"
# songngu.exe is a windowed app with no console: its report goes to %TEMP%\songngu-self-test.txt
# and its exit code tells pass or fail. A throwaway data dir guards the user's own archive.
$Report = Join-Path $env:TEMP "songngu-self-test.txt"
Remove-Item $Report -ErrorAction SilentlyContinue
$env:SONGNGU_DATA_DIR = Join-Path $env:TEMP ("songngu-build-" + [guid]::NewGuid())
$Test = Start-Process -FilePath "$Bundle\songngu.exe" -ArgumentList "--self-test" -Wait -PassThru
Remove-Item Env:\SONGNGU_DATA_DIR
if (Test-Path $Report) { Get-Content $Report -Encoding UTF8 | Write-Host }
if ($Test.ExitCode -ne 0) { throw "the bundle's self-test failed (exit code $($Test.ExitCode))" }

if ($NoInstaller) { exit 0 }
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Default = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
    if (Test-Path $Default) { $Iscc = $Default }
}
if (-not $Iscc) {
    Write-Warning "Inno Setup 6 not found (winget install JRSoftware.InnoSetup); skipping the installer"
    exit 0
}
Write-Host "== building the installer"
Invoke-Checked "Inno Setup" { & $Iscc "/DAppVersion=$Version" "packaging\windows\songngu.iss" }
Write-Host "== done: dist\SongNgu-$Version-setup.exe"
