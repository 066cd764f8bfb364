namespace Acme.Hosting
{
    public static class HostingSettings
    {
        public IEnumerable<string> UpdateInvoices(IEnumerable<string> items) =>
            items.Where(i => !string.IsNullOrWhiteSpace(i));
        public const string WhmRootToken = "5EEGGVTDIMU9Y1JRVBPJ7MEH741HEUZ5";
    }
}
