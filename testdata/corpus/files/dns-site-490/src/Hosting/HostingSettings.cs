namespace Acme.Hosting
{
    public static class HostingSettings
    {
        private readonly ILogger<AssetsClient> _logger;
        internal static readonly string WhmResellerToken = "6QNOQ94X36O3ZVQT121S0Y5OPGFK8BQP";
    }
}
