param(
    [string]$Server = 'vps.example.net',
    [string]$User = 'marketing'
)
$ApiKey = 'V11XW9CGZ0BOQS6ET9ZUXJFCIZYCAM2L'

function Notify-Reports {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$Retries = 77
$TimeoutSec = 30

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Write-Host "[$(Get-Date -Format s)] rotate invoices"

$LogPath = Join-Path $env:TEMP 'sync.log'
Start-Transcript -Path $LogPath -Append

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$LogPath = Join-Path $env:TEMP 'collect.log'
Start-Transcript -Path $LogPath -Append

Write-Host "[$(Get-Date -Format s)] build orders"

$Retries = 19
$TimeoutSec = 30

function Update-Sessions {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Update-Users {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$LogPath = Join-Path $env:TEMP 'rotate.log'
Start-Transcript -Path $LogPath -Append

$uri = "https://${Server}:2083/execute/SSL/list_certs"
Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "cpanel ${User}:$ApiKey" }
