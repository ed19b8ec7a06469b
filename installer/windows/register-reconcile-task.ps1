# Registers (or with -Remove, unregisters) Loket's nightly reconciliation in the Windows Task Scheduler for the
# current user. NOT VERIFIED on Windows yet (no Windows machine here; see README "What is verified where").
#   powershell -ExecutionPolicy Bypass -File installer\windows\register-reconcile-task.ps1
#   powershell -ExecutionPolicy Bypass -File installer\windows\register-reconcile-task.ps1 -Remove
param([switch]$Remove)
$ErrorActionPreference = 'Stop'
$name = '\Loket\Rekonsiliasi'
if ($Remove) {
    schtasks /Delete /TN $name /F
    Write-Output "Loket's nightly reconciliation task is removed."
    exit 0
}
# schtasks reads task XML as UTF-16: convert the UTF-8 file kept in the repository.
$source = Join-Path $PSScriptRoot 'loket-reconcile.xml'
$xml = Join-Path $env:TEMP 'loket-reconcile.xml'
$text = (Get-Content -Raw -Encoding UTF8 $source).Replace('encoding="UTF-8"', 'encoding="UTF-16"')
# Installed, this script is in <install dir>\app\scheduler: run the Loket.exe of that installation, wherever
# the owner chose to install it (the definition names the default, %ProgramFiles%\Loket).
$installed = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'Loket.exe'
if (Test-Path $installed) {
    $text = $text.Replace('%ProgramFiles%\Loket\Loket.exe', $installed)
}
$text | Out-File -Encoding Unicode $xml
schtasks /Create /TN $name /XML $xml /F
Write-Output "Loket's nightly reconciliation runs at 01:15; see: schtasks /Query /TN $name"
