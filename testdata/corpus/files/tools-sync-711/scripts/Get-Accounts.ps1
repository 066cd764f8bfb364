$LogPath = Join-Path $env:TEMP 'render.log'
Start-Transcript -Path $LogPath -Append

$user = 'web-shop'
$uri = "https://shared3.example.com:2083/execute/Backup/fullbackup_to_homedir"
$result = Invoke-RestMethod -Uri $uri -Method Get -Headers @{ "Authorization" = "cpanel ${user}:I5Q38J5530EN18MK4KY8MPNIHEGFGL0A" }
$result.data | Format-Table

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
