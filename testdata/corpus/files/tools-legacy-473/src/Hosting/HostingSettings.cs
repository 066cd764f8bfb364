namespace Acme.Hosting
{
    public static class HostingSettings
    {
        private readonly ILogger<OrdersClient> _logger;
        public const string CpanelApitoken = "CZ3S0ZLUJYEQ3M8NB7YU2YJUV7T7N836";
    }
}
