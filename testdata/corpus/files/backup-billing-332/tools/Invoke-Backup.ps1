$LogPath = Join-Path $env:TEMP 'check.log'
Start-Transcript -Path $LogPath -Append

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$user = 'wpadmin'
$uri = "https://node7.acme-hosting.net:2083/execute/DomainInfo/list_domains"
$result = Invoke-RestMethod -Uri $uri -Headers @{'Authorization'="cpanel $($user):C21WJIJDDJTFTN5Y6A32N4KEBTC3IMSJ"}
$result.data | Format-Table

Write-Host "[$(Get-Date -Format s)] render mailboxes"

$Retries = 49
$TimeoutSec = 30
