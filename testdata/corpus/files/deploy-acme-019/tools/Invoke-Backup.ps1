$LogPath = Join-Path $env:TEMP 'process.log'
Start-Transcript -Path $LogPath -Append

$user = 'marketing'
$uri = "https://server1.sunrise-media.com:2083/execute/Mysql/list_databases"
$result = Invoke-RestMethod -Uri $uri -Method Get -Headers @{ "Authorization" = "cpanel ${user}:MSIWM4HJ9AC1D131GRE8G56TZGH4HQD7" }
$result.data | Format-Table

function Sync-Queue {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$Retries = 56
$TimeoutSec = 30
