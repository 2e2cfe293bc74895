using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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
/// concurrency token (ARCHITECTURE §3 Concurrency) — the same rows and values <c>SaveChanges</c> would write, so the
/// domain stays the one place deciding them. Used where a unit of work writes thousands of rows (the deadline monitor's
/// batches, R-SLA-4); SaveChanges sends each row as its own statement.
/// <para>
/// Two ways in: <see cref="TrySaveAsync"/> reads the changes from the change tracker; <see cref="UntrackedChanges"/>
/// finds them in aggregates loaded without tracking (EF's snapshots and comparisons of JSON-converted columns were the
/// monitor's main cost, docs/benchmarks.md §5) by comparing each row's column values before and after the verbs ran.
/// </para>
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

    private static readonly ConditionalWeakTable<IEntityType, Column[]> ColumnCache = [];

    /// <summary>
    /// Writes the tracked changes set-based, then stops tracking them (the context is meant to be disposed). False, with
    /// nothing written, when they are not for this writer: not PostgreSQL, deletions, audited master records (their
    /// trail is written by SaveChanges) or a mapping it does not know (inheritance, owned tables, values the database
    /// generates). The caller then uses SaveChanges.
    /// </summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || TrackedWork(db) is not { } work)
        {
            return false;
        }

        await WriteAsync(db, work, cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether aggregates rooted at <paramref name="rootType"/> can be loaded untracked and written by
    /// <see cref="UntrackedChanges"/>: PostgreSQL, and every entity type reachable through its navigations writable
    /// here with no shadow property (an untracked entity has nowhere to keep one).
    /// </summary>
    public static bool CanWriteUntracked(AppDbContext db, Type rootType)
    {
        if (!db.Database.IsNpgsql() || db.Model.FindEntityType(rootType) is not { } root)
        {
            return false;
        }

        var seen = new HashSet<IEntityType>();
        var pending = new Stack<IEntityType>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (!Writable(type) || type.GetProperties().Any(p => p.IsShadowProperty()) || type.GetSkipNavigations().Any())
            {
                return false;
            }

            foreach (var navigation in type.GetNavigations())
            {
                pending.Push(navigation.TargetEntityType);
            }
        }

        return true;
    }

    /// <summary>
    /// Changes made to aggregates loaded with <c>AsNoTracking</c>: <see cref="Remember"/> each aggregate before the verbs
    /// run (its column values, and those of every entity reachable through its navigations), then
    /// <see cref="TrySaveAsync"/> writes what differs — entities not there before as new rows, remembered ones whose
    /// values changed as updates of just the changed columns, checked against the remembered concurrency tokens — plus
    /// whatever the context itself tracks as added (the notifications). Check <see cref="CanWriteUntracked"/> first.
    /// </summary>
    public sealed class UntrackedChanges(AppDbContext db)
    {
        private readonly Dictionary<object, (IEntityType Type, object?[] Values)> _remembered = new(ReferenceEqualityComparer.Instance);
        private readonly List<object> _roots = [];

        /// <summary>What the last write took: comparing, then each statement's wall time (the monitor's --trace prints them).</summary>
        public List<string> Timings { get; } = [];

        /// <summary>Takes the values of the aggregate and everything reachable from it, as loaded.</summary>
        public void Remember(object root)
        {
            _roots.Add(root);
            foreach (var (entity, type, _) in Walk(db.Model, root))
            {
                _remembered.TryAdd(entity, (type, Snapshot(Columns(type), entity)));
            }
        }

        /// <summary>
        /// Writes the differences (and the context's added entries) set-based. False, with nothing written, when they are
        /// not for this writer: an entity removed from an aggregate (a deletion), a new entity whose foreign key does
        /// not name its parent, or tracked changes other than additions of writable types.
        /// </summary>
        public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
        {
            var comparing = Stopwatch.GetTimestamp();
            if (TrackedWork(db) is not { } work)
            {
                return false;
            }

            var reached = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var added = new Dictionary<IEntityType, List<Row>>();
            var modified = new Dictionary<IEntityType, (List<Row> Rows, HashSet<IProperty> Changed)>();
            foreach (var root in _roots)
            {
                foreach (var (entity, type, parent) in Walk(db.Model, root))
                {
                    if (!reached.Add(entity))
                    {
                        continue;
                    }

                    var columns = Columns(type);
                    if (!_remembered.TryGetValue(entity, out var before))
                    {
                        if (parent is { } p && !NamesParent(p.Navigation, p.Entity, entity))
                        {
                            return false;
                        }

                        (added.TryGetValue(type, out var rows) ? rows : added[type] = []).Add(new Row(entity, null, null));
                        continue;
                    }

                    HashSet<IProperty>? changed = null;
                    foreach (var column in columns)
                    {
                        if (!Same(before.Values[column.Index], Snapshot(column.Read(entity))))
                        {
                            if (column.Property.IsPrimaryKey())
                            {
                                return false;
                            }

                            changed ??= modified.TryGetValue(type, out var group) ? group.Changed : (modified[type] = ([], [])).Changed;
                            changed.Add(column.Property);
                        }
                    }

                    if (changed is not null)
                    {
                        modified[type].Rows.Add(new Row(entity, null, before.Values));
                    }
                }
            }

            if (_remembered.Keys.Any(e => !reached.Contains(e)))
            {
                return false;
            }

            foreach (var (type, rows) in added)
            {
                work.Added.Add((type, rows));
            }

            foreach (var (type, (rows, changed)) in modified)
            {
                work.Modified.Add((type, rows, changed));
            }

            Timings.Add($"compare {Stopwatch.GetElapsedTime(comparing).TotalMilliseconds:F1} ms");
            await WriteAsync(db, work, cancellationToken);
            Timings.AddRange(work.Timings);
            return true;
        }

        /// <summary>The entity and everything reachable through its navigations, each with the navigation it was reached by.</summary>
        private static IEnumerable<(object Entity, IEntityType Type, (object Entity, INavigation Navigation)? Parent)> Walk(IModel model, object root)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Queue<(object, IEntityType, (object, INavigation)?)>();
            pending.Enqueue((root, model.FindEntityType(root.GetType())!, null));
            while (pending.TryDequeue(out var item))
            {
                var (entity, type, _) = item;
                if (!seen.Add(entity))
                {
                    continue;
                }

                yield return item;
                foreach (var navigation in type.GetNavigations())
                {
                    switch (navigation.GetGetter().GetClrValue(entity))
                    {
                        case null:
                            break;
                        case IEnumerable children when navigation.IsCollection:
                            foreach (var child in children)
                            {
                                pending.Enqueue((child, navigation.TargetEntityType, (entity, navigation)));
                            }

                            break;
                        case var child:
                            pending.Enqueue((child, navigation.TargetEntityType, (entity, navigation)));
                            break;
                    }
                }
            }
        }

        /// <summary>A new child found in its parent's collection carries the parent's key in its foreign key (SaveChanges would fix it up).</summary>
        private static bool NamesParent(INavigation navigation, object parent, object child)
        {
            if (navigation.IsOnDependent)
            {
                return true;
            }

            var foreignKey = navigation.ForeignKey;
            for (var i = 0; i < foreignKey.Properties.Count; i++)
            {
                if (!Equals(foreignKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(child),
                        foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(parent)))
                {
                    return false;
                }
            }

            return true;
        }

        private static object?[] Snapshot(Column[] columns, object entity)
        {
            var values = new object?[columns.Length];
            foreach (var column in columns)
            {
                values[column.Index] = Snapshot(column.Read(entity));
            }

            return values;
        }

        /// <summary>A value as it is now: a collection (a JSON column kept in a list the aggregate may add to) is copied.</summary>
        private static object? Snapshot(object? value) =>
            value is IEnumerable items and not string and not byte[] ? items.Cast<object?>().ToArray() : value;

        private static bool Same(object? before, object? after) =>
            before is object?[] a && after is object?[] b ? a.SequenceEqual(b) : Equals(before, after);
    }

    /// <summary>The tracked changes to write, or null when some are not for this writer.</summary>
    private static Work? TrackedWork(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var groups = db.ChangeTracker.Entries()
            .Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached))
            .GroupBy(e => (Type: e.Metadata, e.State))
            .ToList();
        if (groups.Any(g => g.Key.State is not (EntityState.Added or EntityState.Modified) || !Writable(g.Key.Type)))
        {
            return null;
        }

        var work = new Work();
        foreach (var group in groups)
        {
            var rows = group.Select(e => new Row(e.Entity, e, null)).ToList();
            if (group.Key.State == EntityState.Added)
            {
                work.Added.Add((group.Key.Type, rows));
            }
            else
            {
                var changed = new HashSet<IProperty>();
                foreach (var entry in group)
                {
                    changed.UnionWith(entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata));
                    changed.UnionWith(entry.ComplexProperties.SelectMany(c => c.Properties).Where(p => p.IsModified).Select(p => p.Metadata));
                }

                work.Modified.Add((group.Key.Type, rows, changed));
            }
        }

        return work;
    }

    private static async Task WriteAsync(AppDbContext db, Work work, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

            // Updates first: their token check decides whether this unit of work still applies before anything is added.
            foreach (var (type, rows, changed) in work.Modified)
            {
                var started = Stopwatch.GetTimestamp();
                await UpdateAsync(connection, transaction, type, rows, changed, cancellationToken);
                work.Timings.Add($"UPDATE {type.GetTableName()} {rows.Count} rows {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
            }

            foreach (var (type, rows) in InDependencyOrder(MergeByType(work.Added)))
            {
                var started = Stopwatch.GetTimestamp();
                await CopyAsync(connection, type, rows, cancellationToken);
                work.Timings.Add($"COPY {type.GetTableName()} {rows.Count} rows {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
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
    }

    private static List<(IEntityType Type, List<Row> Rows)> MergeByType(List<(IEntityType Type, List<Row> Rows)> added) =>
        [.. added.GroupBy(g => g.Type).Select(g => (g.Key, g.SelectMany(x => x.Rows).ToList()))];

    /// <summary>Plain one-table entity types whose every column the client sets.</summary>
    private static bool Writable(IEntityType type) =>
        type.GetTableName() is not null && type.GetSchema() is null && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any() &&
        !type.IsOwned() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) && !AuditInterceptor.Audits(type.ClrType) &&
        type.GetProperties().All(p => p.GetComputedColumnSql() is null && p.GetDefaultValueSql() is null && p.ValueGenerated == ValueGenerated.Never) &&
        type.GetComplexProperties().All(c => !c.IsCollection);

    /// <summary>Principal tables before the tables referring to them, so each COPY finds the rows its foreign keys name.</summary>
    private static IEnumerable<(IEntityType Type, List<Row> Rows)> InDependencyOrder(List<(IEntityType Type, List<Row> Rows)> added)
    {
        var written = new HashSet<IEntityType>();
        while (added.Count > 0)
        {
            var ready = added.FirstOrDefault(g => g.Type.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == g.Type || written.Contains(fk.PrincipalEntityType) || added.All(o => o.Type != fk.PrincipalEntityType)));
            if (ready.Type is null)
            {
                ready = added[0];
            }

            added.Remove(ready);
            written.Add(ready.Type);
            yield return ready;
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var columns = Columns(type);
        var command = $"COPY {Quote(type.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(command, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.Value(row, current: true) is { } value)
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
    private static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEntityType type, IReadOnlyList<Row> rows,
        HashSet<IProperty> modified, CancellationToken cancellationToken)
    {
        var all = Columns(type);
        var keys = all.Where(c => c.Property.IsPrimaryKey()).ToList();
        var tokens = all.Where(c => c.Property.IsConcurrencyToken).ToList();
        var changed = all.Where(c => !c.Property.IsPrimaryKey() && modified.Contains(c.Property)).ToList();
        if (changed.Count == 0 || rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var arrays = new List<string>();
        var names = new List<string>();
        void Add(Column column, bool current, string alias)
        {
            var values = Array.CreateInstance(column.ElementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(column.Value(rows[i], current), i);
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
        if (updated != rows.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{rows.Count - updated} of {rows.Count} {type.GetTableName()} rows changed since they were read; nothing of this unit of work was written.");
        }
    }

    /// <summary>Every column of the entity's table, complex properties (money, contact) flattened as EF maps them; built once per model.</summary>
    private static Column[] Columns(IEntityType type) => ColumnCache.GetValue(type, static t => [.. BuildColumns(t)]);

    private static IEnumerable<Column> BuildColumns(IEntityType type)
    {
        var index = 0;
        foreach (var property in type.GetProperties())
        {
            yield return new Column(property, null, index++);
        }

        foreach (var complex in type.GetComplexProperties())
        {
            if (complex.ComplexType.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()}.{complex.Name}: nested complex properties are not written set-based.");
            }

            foreach (var property in complex.ComplexType.GetProperties())
            {
                yield return new Column(property, complex, index++);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>What one write holds: new rows and changed rows (with the properties changed in any of them) per entity type.</summary>
    private sealed class Work
    {
        /// <summary>Each statement's wall time, in order ("UPDATE ServiceRequests 500 rows 12.3 ms"), for the caller's trace.</summary>
        public List<string> Timings { get; } = [];

        public List<(IEntityType Type, List<Row> Rows)> Added { get; } = [];

        public List<(IEntityType Type, List<Row> Rows, HashSet<IProperty> Changed)> Modified { get; } = [];
    }

    /// <summary>
    /// One row to write: current values from the entity (through the model's compiled getters; a shadow property's from
    /// the tracker); original ones (keys, tokens) from the tracker's entry or, for an untracked entity, from its remembered values.
    /// </summary>
    private sealed class Row(object entity, EntityEntry? entry, object?[]? remembered)
    {
        public object? Current(Column column) =>
            column.Getter is { } getter ? getter.GetClrValueUsingContainingEntity(entity) : entry!.Property(column.Property).CurrentValue;

        public object? Original(Column column) =>
            remembered is not null ? remembered[column.Index]
            : column.Complex is { } complex ? entry!.ComplexProperty(complex).Property(column.Property).OriginalValue
            : entry!.Property(column.Property).OriginalValue;
    }

    /// <summary>One column: its name, store type and the value the database holds (after the model's value converter).</summary>
    private sealed class Column(IProperty property, IComplexProperty? complex, int index)
    {
        private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();

        public IProperty Property { get; } = property;

        public IComplexProperty? Complex { get; } = complex;

        public int Index { get; } = index;

        /// <summary>The model's compiled getter; null for a shadow property (tracked entities only).</summary>
        public IClrPropertyGetter? Getter { get; } = property.IsShadowProperty() ? null : property.GetGetter();

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

        /// <summary>The CLR value on an untracked entity.</summary>
        public object? Read(object entity) => Getter!.GetClrValueUsingContainingEntity(entity);

        public object? Value(Row row, bool current) =>
            (current ? row.Current(this) : row.Original(this)) is { } value ? _mapping.Converter?.ConvertToProvider(value) ?? value : null;
    }
}
