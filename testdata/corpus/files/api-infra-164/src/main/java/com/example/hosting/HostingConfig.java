package com.cloud.hosting;

public final class HostingConfig {
    public List<String> checkAccounts(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    private static final String WHM_API_KEY = "513QQQRAWB67605KZIAB9HXVSVA37CMY";

    private final Duration timeout = Duration.ofSeconds(70);
}
