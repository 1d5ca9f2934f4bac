using Catalog.Storage.Configurations;
using Catalog.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Storage;

/// <summary>
/// EF Core over the schema in db/. Use through <c>IDbContextFactory&lt;CatalogDbContext&gt;</c>, one short-lived
/// context per operation. Plugins that add tables map them in their own context over the same data source.
/// </summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<EntityRecord> Entities => Set<EntityRecord>();
    public DbSet<DatasetRecord> Datasets => Set<DatasetRecord>();
    public DbSet<DatasetFieldRecord> DatasetFields => Set<DatasetFieldRecord>();
    public DbSet<PartitionRecord> Partitions => Set<PartitionRecord>();
    public DbSet<JobRecord> Jobs => Set<JobRecord>();
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<LineageEdgeRecord> LineageEdges => Set<LineageEdgeRecord>();
    public DbSet<ColumnLineageEdgeRecord> ColumnLineageEdges => Set<ColumnLineageEdgeRecord>();
    public DbSet<EntityRelationRecord> EntityRelations => Set<EntityRelationRecord>();
    public DbSet<RetentionPolicyRecord> RetentionPolicies => Set<RetentionPolicyRecord>();
    public DbSet<AccessGrantRecord> AccessGrants => Set<AccessGrantRecord>();
    public DbSet<QualityResultRecord> QualityResults => Set<QualityResultRecord>();
    public DbSet<SchemaVersionRecord> SchemaVersions => Set<SchemaVersionRecord>();
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();
    public DbSet<HarvestRunRecord> HarvestRuns => Set<HarvestRunRecord>();
    public DbSet<HarvestErrorRecord> HarvestErrors => Set<HarvestErrorRecord>();
    public DbSet<RawInputRecord> RawInputs => Set<RawInputRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
