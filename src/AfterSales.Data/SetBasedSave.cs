using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AfterSales.Data;

/// <summary>
/// Writes what a unit of work changed set-based on PostgreSQL instead of row by row: the new rows of each table by one
/// binary <c>COPY</c>, the changed rows of each table by one <c>UPDATE … FROM unnest(…)</c> that checks every row's
/// concurrency token (ARCHITECTURE §3 Concurrency) — the same rows and values <c>SaveChanges</c> would write, read from
/// the same change tracker, so the domain stays the one place deciding them. Used where a unit of work writes thousands
/// of rows (the deadline monitor's batches, R-SLA-4); SaveChanges sends each row as its own statement.
/// <para>
/// All or nothing, like SaveChanges: a row whose token changed meanwhile, a new row that a unique index refuses (a
/// breach, penalty or notification already recorded) or any other row the database refuses throws
/// <see cref="DbUpdateException"/> and the caller's
/// transaction is rolled back whole. It never skips a refused row and keeps the rest (ON CONFLICT DO NOTHING would):
/// a breach's timeline entry must not outlive its breach.
/// </para>
/// </summary>
public static class SetBasedSave
{
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Writes the tracked changes set-based, then stops tracking them (the context is meant to be disposed). False, with
    /// nothing written, when they are not for this writer: not PostgreSQL, deletions, audited master records (their
    /// trail is written by SaveChanges) or a mapping it does not know (inheritance, owned tables, values the database
    /// generates). The caller then uses SaveChanges.
    /// </summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return false;
        }

        db.ChangeTracker.DetectChanges();
        var groups = db.ChangeTracker.Entries()
            .Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached))
            .GroupBy(e => (Type: e.Metadata, e.State))
            .ToList();
        if (groups.Any(g => g.Key.State is not (EntityState.Added or EntityState.Modified) || !Writable(g.Key.Type)))
        {
            return false;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

            // Updates first: their token check decides whether this unit of work still applies before anything is added.
            foreach (var group in groups.Where(g => g.Key.State == EntityState.Modified))
            {
                await UpdateAsync(connection, transaction, group.Key.Type, [.. group], cancellationToken);
            }

            foreach (var group in InDependencyOrder(groups.Where(g => g.Key.State == EntityState.Added).ToList()))
            {
                await CopyAsync(connection, group.Key.Type, [.. group], cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch (PostgresException ex)
        {
            // As SaveChanges does: the caller's DbUpdateException handling (the monitor retries request by request)
            // must see a refused row, whichever constraint refused it.
            throw new DbUpdateException(ex.SqlState == UniqueViolation
                ? $"A row already exists ({ex.ConstraintName}); nothing of this unit of work was written."
                : $"The database refused a row ({ex.SqlState} {ex.ConstraintName}); nothing of this unit of work was written.", ex);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        // Written as SaveChanges would have. The context is done: snapshotting 500 aggregates again would cost more than the writes.
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Plain one-table entity types whose every column the client sets.</summary>
    private static bool Writable(IEntityType type) =>
        type.GetTableName() is not null && type.GetSchema() is null && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any() &&
        !type.IsOwned() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) && !AuditInterceptor.Audits(type.ClrType) &&
        type.GetProperties().All(p => p.GetComputedColumnSql() is null && p.GetDefaultValueSql() is null && p.ValueGenerated == ValueGenerated.Never) &&
        type.GetComplexProperties().All(c => !c.IsCollection);

    /// <summary>Principal tables before the tables referring to them, so each COPY finds the rows its foreign keys name.</summary>
    private static IEnumerable<IGrouping<(IEntityType Type, EntityState State), EntityEntry>> InDependencyOrder(List<IGrouping<(IEntityType Type, EntityState State), EntityEntry>> added)
    {
        var written = new HashSet<IEntityType>();
        while (added.Count > 0)
        {
            var ready = added.FirstOrDefault(g => g.Key.Type.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == g.Key.Type || written.Contains(fk.PrincipalEntityType) || added.All(o => o.Key.Type != fk.PrincipalEntityType)))
                ?? added[0];
            added.Remove(ready);
            written.Add(ready.Key.Type);
            yield return ready;
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var columns = Columns(type).ToList();
        var command = $"COPY {Quote(type.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(command, cancellationToken);
        foreach (var entry in entries)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(entry, current: true) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// One statement for all changed rows of a table: the columns changed in any of them (the others keep their value,
    /// which is also their current one), matched by key and by every concurrency token's original value.
    /// </summary>
    private static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEntityType type, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var all = Columns(type).ToList();
        var keys = all.Where(c => c.Property.IsPrimaryKey()).ToList();
        var tokens = all.Where(c => c.Property.IsConcurrencyToken).ToList();
        var modified = new HashSet<IProperty>();
        foreach (var entry in entries)
        {
            modified.UnionWith(entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata));
            modified.UnionWith(entry.ComplexProperties.SelectMany(c => c.Properties).Where(p => p.IsModified).Select(p => p.Metadata));
        }

        var changed = all.Where(c => !c.Property.IsPrimaryKey() && modified.Contains(c.Property)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var arrays = new List<string>();
        var names = new List<string>();
        void Add(Column column, bool current, string alias)
        {
            var values = Array.CreateInstance(column.ElementType, entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                values.SetValue(column.Value(entries[i], current), i);
            }

            var parameter = $"p{command.Parameters.Count}";
            command.Parameters.Add(new NpgsqlParameter(parameter, values) { DataTypeName = column.StoreType + "[]" });
            arrays.Add("@" + parameter);
            names.Add(alias);
        }

        keys.ForEach(c => Add(c, current: false, "k_" + c.Name));
        tokens.ForEach(c => Add(c, current: false, "o_" + c.Name));
        changed.ForEach(c => Add(c, current: true, "n_" + c.Name));

        var sql = new StringBuilder($"UPDATE {Quote(type.GetTableName()!)} AS t SET ");
        sql.AppendJoin(", ", changed.Select(c => $"{Quote(c.Name)} = u.{Quote("n_" + c.Name)}"));
        sql.Append($" FROM unnest({string.Join(", ", arrays)}) AS u({string.Join(", ", names.Select(Quote))}) WHERE ");
        sql.AppendJoin(" AND ", keys.Select(c => $"t.{Quote(c.Name)} = u.{Quote("k_" + c.Name)}")
            .Concat(tokens.Select(c => $"t.{Quote(c.Name)} IS NOT DISTINCT FROM u.{Quote("o_" + c.Name)}")));
        command.CommandText = sql.ToString();

        var updated = await command.ExecuteNonQueryAsync(cancellationToken);
        if (updated != entries.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{entries.Count - updated} of {entries.Count} {type.GetTableName()} rows changed since they were read; nothing of this unit of work was written.");
        }
    }

    /// <summary>Every column of the entity's table, complex properties (money, contact) flattened as EF maps them.</summary>
    private static IEnumerable<Column> Columns(IEntityType type)
    {
        foreach (var property in type.GetProperties())
        {
            // Current values through the model's compiled getter (thousands of rows); original ones (keys, tokens) from the tracker.
            var getter = property.IsShadowProperty() ? null : property.GetGetter();
            yield return new Column(property, (entry, current) => current
                ? getter is null ? entry.Property(property).CurrentValue : getter.GetClrValueUsingContainingEntity(entry.Entity)
                : entry.Property(property).OriginalValue);
        }

        foreach (var complex in type.GetComplexProperties())
        {
            if (complex.ComplexType.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()}.{complex.Name}: nested complex properties are not written set-based.");
            }

            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                yield return new Column(property, (entry, current) => current
                    ? getter.GetClrValueUsingContainingEntity(entry.Entity)
                    : entry.ComplexProperty(complex).Property(property).OriginalValue);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One column: its name, store type and the value the database holds (after the model's value converter).</summary>
    private sealed class Column(IProperty property, Func<EntityEntry, bool, object?> read)
    {
        private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();

        public IProperty Property { get; } = property;

        public string Name { get; } = property.GetColumnName();

        /// <summary>The type's name without facets ("character varying", not "character varying(40)"), as Npgsql takes it.</summary>
        public string StoreType => _mapping.StoreTypeNameBase;

        public Type ElementType
        {
            get
            {
                var clr = _mapping.Converter?.ProviderClrType ?? _mapping.ClrType;
                clr = Nullable.GetUnderlyingType(clr) ?? clr;
                return clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
            }
        }

        public object? Value(EntityEntry entry, bool current) =>
            read(entry, current) is { } value ? _mapping.Converter?.ConvertToProvider(value) ?? value : null;
    }
}
