$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$LogPath = Join-Path $env:TEMP 'build.log'
Start-Transcript -Path $LogPath -Append

$user = 'clientx'
$uri = "https://203.0.113.205:2083/execute/SSL/list_certs"
$result = Invoke-RestMethod -Uri $uri -Method Get -Headers @{ "Authorization" = "cpanel ${user}:QOCX2EXJQ020KLQI5E8J3L2AJ00RQN2G" }
$result.data | Format-Table

$Retries = 75
$TimeoutSec = 30

function Export-Mailboxes {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}
