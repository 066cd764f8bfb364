namespace Acme.Hosting
{
    public static class HostingSettings
    {
        private const int MaxRetries = 36;
        public const string CpanelAccessToken = "6RO03PY81Q737TG2ZBH4CMOB2XUF20M7";
    }
}
