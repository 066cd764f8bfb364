package com.agency.hosting;

public final class HostingConfig {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsService.class);

    private static final String CPANEL_APITOKEN = "ANFZBTFWIP1ST4UC3Z0XHEB9S9S8UAEM";

    private final Duration timeout = Duration.ofSeconds(25);
}
