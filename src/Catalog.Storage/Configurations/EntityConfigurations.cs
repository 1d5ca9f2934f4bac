using Catalog.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Storage.Configurations;

// One configuration per table. Columns follow SnakeCaseNaming; the schema itself is db/migrations.

internal sealed class EntityRecordConfiguration : IEntityTypeConfiguration<EntityRecord>
{
    public void Configure(EntityTypeBuilder<EntityRecord> b)
    {
        b.ToTable("entities").HasKey(e => e.Id);
        b.Property(e => e.Ref).ValueGeneratedOnAddOrUpdate();
        b.Property(e => e.Facets).HasColumnType("jsonb");
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class DatasetRecordConfiguration : IEntityTypeConfiguration<DatasetRecord>
{
    public void Configure(EntityTypeBuilder<DatasetRecord> b) => b.ToTable("datasets").HasKey(e => e.EntityId);
}

internal sealed class DatasetFieldRecordConfiguration : IEntityTypeConfiguration<DatasetFieldRecord>
{
    public void Configure(EntityTypeBuilder<DatasetFieldRecord> b) => b.ToTable("dataset_fields").HasKey(e => new { e.EntityId, e.Name });
}

internal sealed class PartitionRecordConfiguration : IEntityTypeConfiguration<PartitionRecord>
{
    public void Configure(EntityTypeBuilder<PartitionRecord> b) => b.ToTable("partitions").HasKey(e => e.Id);
}

internal sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> b) => b.ToTable("jobs").HasKey(e => e.EntityId);
}

internal sealed class RunRecordConfiguration : IEntityTypeConfiguration<RunRecord>
{
    public void Configure(EntityTypeBuilder<RunRecord> b)
    {
        b.ToTable("runs").HasKey(e => e.Id);
        b.Property(e => e.Facets).HasColumnType("jsonb");
    }
}

internal sealed class LineageEdgeRecordConfiguration : IEntityTypeConfiguration<LineageEdgeRecord>
{
    public void Configure(EntityTypeBuilder<LineageEdgeRecord> b) => b.ToTable("lineage_edges").HasKey(e => e.Id);
}

internal sealed class ColumnLineageEdgeRecordConfiguration : IEntityTypeConfiguration<ColumnLineageEdgeRecord>
{
    public void Configure(EntityTypeBuilder<ColumnLineageEdgeRecord> b) => b.ToTable("column_lineage_edges").HasKey(e => e.Id);
}

internal sealed class EntityRelationRecordConfiguration : IEntityTypeConfiguration<EntityRelationRecord>
{
    public void Configure(EntityTypeBuilder<EntityRelationRecord> b) => b.ToTable("entity_relations").HasKey(e => new { e.FromId, e.Relation, e.ToId });
}

internal sealed class RetentionPolicyRecordConfiguration : IEntityTypeConfiguration<RetentionPolicyRecord>
{
    public void Configure(EntityTypeBuilder<RetentionPolicyRecord> b)
    {
        b.ToTable("retention_policies").HasKey(e => e.Id);
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class AccessGrantRecordConfiguration : IEntityTypeConfiguration<AccessGrantRecord>
{
    public void Configure(EntityTypeBuilder<AccessGrantRecord> b) => b.ToTable("access_grants").HasKey(e => e.Id);
}

internal sealed class QualityResultRecordConfiguration : IEntityTypeConfiguration<QualityResultRecord>
{
    public void Configure(EntityTypeBuilder<QualityResultRecord> b) => b.ToTable("quality_results").HasKey(e => e.Id);
}

internal sealed class SchemaVersionRecordConfiguration : IEntityTypeConfiguration<SchemaVersionRecord>
{
    public void Configure(EntityTypeBuilder<SchemaVersionRecord> b)
    {
        b.ToTable("schema_versions").HasKey(e => e.Id);
        b.Property(e => e.Changes).HasColumnType("jsonb");
    }
}

internal sealed class AuditEventRecordConfiguration : IEntityTypeConfiguration<AuditEventRecord>
{
    public void Configure(EntityTypeBuilder<AuditEventRecord> b)
    {
        b.ToTable("audit_events").HasKey(e => e.Sequence);
        b.Property(e => e.Before).HasColumnType("jsonb");
        b.Property(e => e.After).HasColumnType("jsonb");
    }
}

internal sealed class HarvestRunRecordConfiguration : IEntityTypeConfiguration<HarvestRunRecord>
{
    public void Configure(EntityTypeBuilder<HarvestRunRecord> b) => b.ToTable("harvest_runs").HasKey(e => e.Id);
}

internal sealed class HarvestErrorRecordConfiguration : IEntityTypeConfiguration<HarvestErrorRecord>
{
    public void Configure(EntityTypeBuilder<HarvestErrorRecord> b) => b.ToTable("harvest_errors").HasKey(e => e.Id);
}

internal sealed class RawInputRecordConfiguration : IEntityTypeConfiguration<RawInputRecord>
{
    public void Configure(EntityTypeBuilder<RawInputRecord> b) => b.ToTable("raw_inputs").HasKey(e => e.Id);
}
