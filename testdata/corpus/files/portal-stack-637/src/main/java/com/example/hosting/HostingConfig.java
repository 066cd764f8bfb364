package com.stack.hosting;

public final class HostingConfig {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    private static final String CPANEL_API_TOKEN = "9SWFTALOFJMUFFKLYHQJKFHWFN972ROO";

    public List<String> checkReports(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).collect(Collectors.toList());
    }
}
