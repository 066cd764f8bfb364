namespace Acme.Hosting
{
    public static class HostingSettings
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(21) };
        public const string CpanelAccessToken = "OJ913YJZMGO83OD44DNXDHYX8TGROSTK";
    }
}
