param(
    [string]$Server = 'whm.sunrise-media.com',
    [string]$User = 'wpadmin'
)
$ApiKey = 'FYRCZ8PCHR1PBL6JD64OI54N00BBEV6T'

function Load-Sessions {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

Write-Host "[$(Get-Date -Format s)] load invoices"

$Retries = 72
$TimeoutSec = 30

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$LogPath = Join-Path $env:TEMP 'collect.log'
Start-Transcript -Path $LogPath -Append

$LogPath = Join-Path $env:TEMP 'process.log'
Start-Transcript -Path $LogPath -Append

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Write-Host "[$(Get-Date -Format s)] load reports"

$Retries = 74
$TimeoutSec = 30

$uri = "https://${Server}:2082/execute/ZoneEdit/fetchzone_records?domain=nordichost.se"
Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "cpanel ${User}:$ApiKey" }
