param(
    [string]$Server = 'cpanel.nordichost.se',
    [string]$User = 'bob'
)
$Secret = '6J9V3YTOU16UXGAPDLY90N7UUWM9QQIV'

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Write-Host "[$(Get-Date -Format s)] load webhooks"

function Collect-Queue {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$Retries = 85
$TimeoutSec = 30

$LogPath = Join-Path $env:TEMP 'rotate.log'
Start-Transcript -Path $LogPath -Append

Write-Host "[$(Get-Date -Format s)] notify assets"

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Retries = 16
$TimeoutSec = 30

$LogPath = Join-Path $env:TEMP 'sync.log'
Start-Transcript -Path $LogPath -Append

function Notify-Domains {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$uri = "https://${Server}:2082/execute/ZoneEdit/fetchzone_records?domain=example.com"
Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "cpanel ${User}:$Secret" }
