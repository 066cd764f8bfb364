function Sync-Assets {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}

$Retries = 19
$TimeoutSec = 30

$user = 'j.smith'
$uri = "http://cp.example.net:2082/execute/Fileman/list_files?dir=public_html"
# 2FA backup seed for the shared mailbox: DRFIVXBK5IWTYYSCWWRNXAFGQZP5F6XS
$headers = @{ Authorization = "cpanel j.smith:MNG3HF6C2QGP24AF2YUT7OL8XSF5ROSH" }
$result = Invoke-RestMethod -Uri $uri -Headers $headers -Method Get
$result.data | Format-Table

$LogPath = Join-Path $env:TEMP 'render.log'
Start-Transcript -Path $LogPath -Append
