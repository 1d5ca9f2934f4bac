using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// A browser-like client: keeps cookies, reads the antiforgery token and <c>_handler</c> from the page like a
/// browser submitting the form would, and posts plain HTML forms.
/// </summary>
public sealed class PortalSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        await PostFormAsync("/account/sign-in", "sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        var response = await client.GetAsync(path);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts form <paramref name="formName"/> of the page at <paramref name="path"/> with the session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields, bool withAntiforgery = true)
    {
        var values = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withAntiforgery) values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The session's token, read from the account page every persona may open: the token belongs to the session, not to
    /// a form, and reading it from a page the persona may not open would itself be a (correctly audited) denial.
    /// </summary>
    private async Task<string> AntiforgeryTokenAsync(string path)
    {
        var response = await client.GetAsync("/account");
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        input ??= (await GetDocumentAsync("/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        return input?.Value ?? throw new InvalidOperationException($"No antiforgery token for {path}.");
    }

    public Task<HttpResponseMessage> PutJsonAsync<T>(string path, T body) => client.PutAsJsonAsync(path, body);
    public Task<HttpResponseMessage> PostJsonAsync<T>(string path, T body) => client.PostAsJsonAsync(path, body);

    public void Dispose() => client.Dispose();
}
