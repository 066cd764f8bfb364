package com.cron.hosting;

public final class HostingConfig {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    private static final String CPANEL_TOKEN = "JQQR58Z2JES6B6T49PN81TJ8XL516JG7";

    private final Duration timeout = Duration.ofSeconds(57);
}
