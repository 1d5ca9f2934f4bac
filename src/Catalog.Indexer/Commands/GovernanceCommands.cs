using System.CommandLine;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Catalog.Indexer.Commands;

/// <summary><c>users add-admin</c> (the first-run admin, without a hard-coded password) and <c>audit verify</c>.</summary>
internal static class GovernanceCommands
{
    public const string PasswordVariable = "CATALOG_ADMIN_PASSWORD";

    public static Command Users(IConfiguration configuration)
    {
        var user = new Option<string>("--user") { Description = "The account name", Required = true };
        var email = new Option<string?>("--email") { Description = "Optional e-mail address" };
        var addAdmin = new Command("add-admin",
            $"Create (or promote) an admin account. The password is read from {PasswordVariable} or standard input, never from the command line.") { user, email };
        addAdmin.SetAction(async (parse, cancellationToken) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password) && Console.IsInputRedirected) password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
                password = AnsiConsole.Prompt(new TextPrompt<string>("Password for the new admin:").Secret());
            if (string.IsNullOrEmpty(password))
            {
                AnsiConsole.MarkupLine($"[red]No password given:[/] set {PasswordVariable} or pipe it on standard input.");
                return 2;
            }
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            using var scope = services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AdminUserCommand>()
                .AddAdminAsync(parse.GetValue(user)!, password, parse.GetValue(email), "cli:" + Environment.UserName, cancellationToken);
            AnsiConsole.MarkupLine(result.Succeeded ? $"[green]{Markup.Escape(result.Message)}[/]" : $"[red]{Markup.Escape(result.Message)}[/]");
            return result.Succeeded ? 0 : 1;
        });
        return new Command("users", "Local accounts of the portal") { addAdmin };
    }

    public static Command Audit(IConfiguration configuration)
    {
        var verify = new Command("verify", "Check the audit trail's hash chain from the first event to the last; exit 1 at the first break");
        verify.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await IndexerHost.StartAsync(configuration, migrate: true, cancellationToken);
            using var scope = services.CreateScope();
            var verification = scope.ServiceProvider.GetRequiredService<AuditVerification>();
            var result = await AnsiConsole.Status().StartAsync("Verifying the audit chain…", async context =>
                await verification.VerifyAsync(new Progress<long>(n => context.Status($"Verified {n:N0} events…")), cancellationToken));
            if (result.IsIntact)
            {
                AnsiConsole.MarkupLine($"[green]Intact:[/] {result.Verified:N0} events verified; head hash {Markup.Escape(result.HeadHash ?? "(empty trail)")}.");
                return 0;
            }
            AnsiConsole.MarkupLine($"[red]Broken at event {result.Break!.Sequence}:[/] {Markup.Escape(result.Break.Message)} ({result.Verified:N0} events verified before it).");
            return 1;
        });
        return new Command("audit", "The tamper-evident audit trail") { verify };
    }
}
