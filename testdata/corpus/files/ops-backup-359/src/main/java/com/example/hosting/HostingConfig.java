package com.cloud.hosting;

public final class HostingConfig {
    private static final int MAX_RETRIES = 25;

    private static final String CPANEL_ACCESS_TOKEN = "64AVP14MB4CB42989D59KWV82HWSIC0D";

    private static final Logger LOG = LoggerFactory.getLogger(MailboxesService.class);
}
