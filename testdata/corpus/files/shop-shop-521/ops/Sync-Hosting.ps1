$LogPath = Join-Path $env:TEMP 'load.log'
Start-Transcript -Path $LogPath -Append

$user = 'resell2'
$uri = "https://203.0.113.137:2087/json-api/showbw?api.version=1"
$headers = @{ Authorization = "whm resell2:OVKROROMCC2EPS6HHG0Q58P8ICKHFHKA" }
$result = Invoke-RestMethod -Uri $uri -Headers $headers -Method Get
$result.data | Format-Table

function Notify-Domains {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
