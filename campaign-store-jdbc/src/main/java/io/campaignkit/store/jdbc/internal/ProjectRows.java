package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The projects table (V25): inserts, optimistic updates and pages, every statement scoped by tenant. */
public final class ProjectRows {

    private static final String COLUMNS = "tenant_id, project_id, name, created_at, updated_at, archived_at, version";

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;

    public ProjectRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
    }

    public void save(Project project, OptionalLong expectedVersion) {
        if (!scope.sees(project.tenantId())) {
            throw new InvalidArgumentException(
                    "project",
                    "project " + project.id() + " belongs to tenant " + project.tenantId()
                            + ", not to this store's tenant " + scope.tenantId().orElseThrow());
        }
        sql.inTransaction("saving project " + project.id(), connection -> {
            if (expectedVersion.isEmpty()) {
                insert(connection, project);
            } else {
                update(connection, project, expectedVersion.getAsLong());
            }
            return null;
        });
    }

    private void insert(Connection connection, Project project) throws SQLException {
        if (stored(connection, project.tenantId(), project.id()).isPresent()) {
            throw ProjectException.exists(project.tenantId(), project.id());
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO ck_project (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, project.tenantId());
            insert.setString(2, project.id());
            insert.setString(3, project.name());
            Sql.setNanos(insert, 4, project.createdAt());
            Sql.setNanos(insert, 5, project.updatedAt());
            Sql.setNanos(insert, 6, project.archivedAt());
            insert.setLong(7, project.version());
            insert.executeUpdate();
        } catch (SQLException failure) {
            if (dialect.isUniqueViolation(failure)) {
                throw ProjectException.exists(project.tenantId(), project.id());
            }
            throw failure;
        }
    }

    private void update(Connection connection, Project project, long expectedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ck_project SET name = ?, updated_at = ?,"
                + " archived_at = ?, version = ? WHERE tenant_id = ? AND project_id = ? AND version = ? AND "
                + Scope.TENANT)) {
            update.setString(1, project.name());
            Sql.setNanos(update, 2, project.updatedAt());
            Sql.setNanos(update, 3, project.archivedAt());
            update.setLong(4, project.version());
            update.setString(5, project.tenantId());
            update.setString(6, project.id());
            update.setLong(7, expectedVersion);
            scope.bind(update, 8);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        Project stored = stored(connection, project.tenantId(), project.id())
                .orElseThrow(() -> ProjectException.notFound(project.tenantId(), project.id()));
        throw ProjectException.conflict(project.tenantId(), project.id(), expectedVersion, stored.version());
    }

    public List<Project> find(ProjectQuery query) {
        return sql.inTransaction("reading projects", connection -> {
            if (query instanceof ProjectQuery.ById byId) {
                return stored(connection, byId.tenantId(), byId.projectId()).stream()
                        .toList();
            }
            ProjectQuery.ByTenant page = (ProjectQuery.ByTenant) query;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_project"
                    + " WHERE tenant_id = ? AND project_id > ?"
                    + (page.includeArchived() ? "" : " AND archived_at IS NULL")
                    + " AND " + Scope.TENANT + " ORDER BY project_id LIMIT ?")) {
                select.setString(1, page.tenantId());
                select.setString(2, page.after().orElse(""));
                scope.bind(select, 3);
                select.setInt(4, page.limit());
                return read(select);
            }
        });
    }

    /**
     * The stored project, its row locked until the caller's transaction ends: an archiving (an update of the
     * row) waits for it, and it waits for one under way.
     */
    Optional<Project> locked(Connection connection, String tenantId, String projectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_project"
                + " WHERE tenant_id = ? AND project_id = ? AND " + Scope.TENANT + " FOR UPDATE")) {
            select.setString(1, tenantId);
            select.setString(2, projectId);
            scope.bind(select, 3);
            return read(select).stream().findFirst();
        }
    }

    private Optional<Project> stored(Connection connection, String tenantId, String projectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ck_project"
                + " WHERE tenant_id = ? AND project_id = ? AND " + Scope.TENANT)) {
            select.setString(1, tenantId);
            select.setString(2, projectId);
            scope.bind(select, 3);
            return read(select).stream().findFirst();
        }
    }

    private static List<Project> read(PreparedStatement select) throws SQLException {
        List<Project> projects = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                projects.add(new Project(
                        rows.getString("tenant_id"),
                        rows.getString("project_id"),
                        rows.getString("name"),
                        Sql.requiredInstant(rows, "created_at"),
                        Sql.requiredInstant(rows, "updated_at"),
                        Sql.optInstant(rows, "archived_at"),
                        rows.getLong("version")));
            }
        }
        return projects;
    }
}
