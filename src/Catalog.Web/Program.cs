using Catalog.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddCatalogConfiguration();
await builder.AddCatalogDatabaseAsync();
builder.AddCatalogPlugins();
builder.AddCatalogWeb();
builder.AddSampleCatalog();

var app = builder.Build();

await app.MigrateCatalogDatabaseAsync();
await app.SeedSampleCatalogAsync();
app.UseCatalogWeb();
app.MapCatalogApi();
app.MapCatalogPlugins();
app.MapCatalogPages();

app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
