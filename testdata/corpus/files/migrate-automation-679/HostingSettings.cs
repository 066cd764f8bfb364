namespace Acme.Hosting
{
    public static class HostingSettings
    {
        public IEnumerable<string> NotifyInvoices(IEnumerable<string> items) =>
            items.Where(i => !string.IsNullOrWhiteSpace(i));
        private const string CpanelApitoken = "PO90CBQVGZAYA29LW5IY55RE9NVC3XMI";
    }
}
