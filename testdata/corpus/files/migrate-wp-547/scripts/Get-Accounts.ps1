$LogPath = Join-Path $env:TEMP 'sync.log'
Start-Transcript -Path $LogPath -Append

Write-Host "[$(Get-Date -Format s)] fetch invoices"

$user = 'reseller1'
$uri = "https://cpanel.webfarm.de:2087/json-api/showbw?api.version=1"
$headers = @{ Authorization = "whm reseller1:0OJSCS2UH7S1EZLSP2W9582KSCXPKBPR" }
$result = Invoke-RestMethod -Uri $uri -Headers $headers -Method Get
$result.data | Format-Table

function Rotate-Orders {
    param([string[]]$Items)
    $Items | Where-Object { $_ } | ForEach-Object { $_.Trim() }
}
