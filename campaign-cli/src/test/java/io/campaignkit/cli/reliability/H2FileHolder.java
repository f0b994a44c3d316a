package io.campaignkit.cli.reliability;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process with an H2 store file open, as a second campaignkit command or an application
 * would have it: opens the database of its argument, says {@code OPEN}, and holds it until its
 * standard input ends.
 */
public final class H2FileHolder {

    private H2FileHolder() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS holder(id INT)");
            System.out.println("OPEN");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
