package io.campaignkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit list [--store JDBC_URL]}: the campaigns in the store with their state and
 * counts. Needs the JDBC store, which is not available yet: refuses with a clear message.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the stored campaigns with their state and counts (needs the JDBC store: not available yet).")
public final class ListCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The campaign store.")
    String store;

    public ListCommand(CliContext context) {
        // the context is unused until the store exists; the constructor keeps every command alike
    }

    @Override
    public Integer call() {
        StoreOption.refuseIfGiven(store);
        throw StoreOption.noStoreFor("list");
    }
}
