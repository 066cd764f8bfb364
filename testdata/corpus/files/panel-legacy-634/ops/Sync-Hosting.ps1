$LogPath = Join-Path $env:TEMP 'fetch.log'
Start-Transcript -Path $LogPath -Append

Write-Host "[$(Get-Date -Format s)] collect orders"

$user = 'marketing'
$uri = "https://box.example.net:2083/execute/StatsBar/get_stats?display=diskusage"
$result = Invoke-RestMethod -Uri $uri -Headers @{'Authorization'="cpanel $($user):53UJN175L6RQTYKS0RS5C9H4OM0IZO7Y"}
$result.data | Format-Table

$Retries = 49
$TimeoutSec = 30
