using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

/// <summary>Issue 3: a service owner builds a catalogue form with every field type and a show-if rule by clicking.</summary>
public sealed class FormDesignerTests(BrowserFixture browser)
{
    [Fact]
    public async Task Owner_BuildsFormWithEveryFieldTypeAndAShowIfRule_ItIsSavedAndReopensIntact()
    {
        var page = await browser.SignInAsync("owner", 1400, 900);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Workplace Services" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/[0-9a-f-]{36}$"));
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Catalogue items" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New catalogue item" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue/new$"));
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await FillAsync(Field(page, "Name"), "Desk phone");
        await FillAsync(Field(page, "Description"), "A phone or headset for your desk.");

        await AddAsync(page, "Choice");
        var choice = Card(page, 0);
        await FillAsync(Field(choice, "Label"), "Phone type");
        await FillAsync(Field(choice, "Option 1"), "Desk");
        await choice.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await FillAsync(Field(choice, "Option 2"), "Headset");
        await choice.GetByText("Required", new() { Exact = true }).ClickAsync();

        await AddAsync(page, "Text");
        var text = Card(page, 1);
        await FillAsync(Field(text, "Label"), "Headset model");
        await FillAsync(Field(text, "Maximum length"), "40");
        await text.GetByRole(AriaRole.Radio, new() { Name = "Phone type" }).CheckAsync();
        await text.GetByRole(AriaRole.Checkbox, new() { Name = "Headset" }).CheckAsync();

        await AddAsync(page, "Long text");
        await FillAsync(Field(Card(page, 2), "Label"), "Notes");
        await FillAsync(Field(Card(page, 2), "Help text"), "Anything the desk should know.");

        await AddAsync(page, "Multi-choice");
        var multi = Card(page, 3);
        await FillAsync(Field(multi, "Label"), "Accessories");
        await FillAsync(Field(multi, "Option 1"), "Stand");
        await multi.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await FillAsync(Field(multi, "Option 2"), "Cable");

        await AddAsync(page, "Date");
        await FillAsync(Field(Card(page, 4), "Label"), "Needed by");

        await AddAsync(page, "Number");
        await FillAsync(Field(Card(page, 5), "Label"), "Quantity");
        await FillAsync(Field(Card(page, 5), "Minimum"), "1");
        await FillAsync(Field(Card(page, 5), "Maximum"), "5");

        await AddAsync(page, "Person");
        await FillAsync(Field(Card(page, 6), "Label"), "For whom");
        // Ordering by clicking: the person question moves above the number.
        await Card(page, 6).GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Assertions.Expect(Field(Card(page, 5), "Label")).ToHaveValueAsync("For whom");
        await Assertions.Expect(Field(Card(page, 1), "Key")).ToHaveValueAsync("headset_model");

        // The live preview applies the rule before anything is saved.
        await ExpectRuleAsync(page);

        await SaveAndWaitForItemPageAsync(page);

        // Re-open from the server: every field and the rule come back.
        await page.ReloadAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(Card(page, 6)).ToBeVisibleAsync();
        (await page.Locator("[data-testid^=designer-field-]").CountAsync()).ShouldBe(7);
        string[] types = ["Choice", "Text", "Long text", "Multi-choice", "Date", "Person", "Number"];
        for (var i = 0; i < types.Length; i++)
        {
            await Assertions.Expect(Card(page, i).Locator(".mud-chip").First).ToHaveTextAsync(types[i]);
        }
        await Assertions.Expect(Field(Card(page, 0), "Option 2")).ToHaveValueAsync("Headset");
        await Assertions.Expect(Card(page, 1).GetByRole(AriaRole.Radio, new() { Name = "Phone type" })).ToBeCheckedAsync();
        await Assertions.Expect(Card(page, 1).GetByRole(AriaRole.Checkbox, new() { Name = "Headset" })).ToBeCheckedAsync();
        await Assertions.Expect(Card(page, 1).GetByRole(AriaRole.Checkbox, new() { Name = "Desk" })).Not.ToBeCheckedAsync();
        await Assertions.Expect(Field(Card(page, 1), "Maximum length")).ToHaveValueAsync("40");
        await Assertions.Expect(Field(Card(page, 6), "Maximum")).ToHaveValueAsync("5");
        await ExpectRuleAsync(page);
        (await page.ContentAsync()).ShouldNotContain("An unhandled error has occurred");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Owner_SavingAnIncompleteForm_SeesTheErrorsNextToTheField_AndCannotChangeAnotherOwnersService()
    {
        var page = await browser.SignInAsync("owner");
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Workplace Services" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/[0-9a-f-]{36}$"));
        var own = new Uri(page.Url).AbsolutePath;
        await BrowserFixture.OpenInteractiveAsync(page, own + "/catalogue/new");
        await FillAsync(Field(page, "Name"), "Half-built item");
        await FillAsync(Field(page, "Description"), "Not finished yet.");
        await AddAsync(page, "Choice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create catalogue item" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, 0)).ToContainTextAsync("Label is required.");
        new Uri(page.Url).AbsolutePath.ShouldEndWith("/catalogue/new");

        // The portal service belongs to the admin: the page opens for a service owner, the use case refuses the save.
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customer Self-Service Portal" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/services");
        var other = new Uri(page.Url).AbsolutePath;
        await BrowserFixture.OpenInteractiveAsync(page, other + "/catalogue/new");
        await FillAsync(Field(page, "Name"), "Sneaky item");
        await FillAsync(Field(page, "Description"), "Should not be saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create catalogue item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Only the service's owner or an admin may change it.");
        await page.Context.CloseAsync();
    }

    private static async Task ExpectRuleAsync(IPage page)
    {
        var preview = page.GetByTestId("form-preview");
        await Assertions.Expect(preview.Locator("[data-field=accessories]")).ToBeVisibleAsync();
        await Assertions.Expect(preview.Locator("[data-field=headset_model]")).ToHaveCountAsync(0);
        await preview.GetByRole(AriaRole.Radio, new() { Name = "Desk" }).CheckAsync();
        await Assertions.Expect(preview.Locator("[data-field=headset_model]")).ToHaveCountAsync(0);
        await preview.GetByRole(AriaRole.Radio, new() { Name = "Headset" }).CheckAsync();
        await Assertions.Expect(preview.Locator("[data-field=headset_model]")).ToBeVisibleAsync();
    }

    /// <summary>Fills a box and leaves it, so MudBlazor (which binds on change) has the value before the next click.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private static Task AddAsync(IPage page, string type) =>
        page.GetByTestId("add-field").GetByRole(AriaRole.Button, new() { Name = type, Exact = true }).ClickAsync();

    private static ILocator Card(IPage page, int index) => page.GetByTestId($"designer-field-{index}");

    /// <summary>A text box by its label; MudBlazor appends "*" to the labels of required fields.</summary>
    private static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}\\*?$") });

    /// <summary>A text or number box inside a part of the page (MudBlazor's number fields may be spin buttons).</summary>
    private static ILocator Field(ILocator scope, string label)
    {
        var name = new Regex($"^{Regex.Escape(label)}\\*?$");
        return scope.GetByRole(AriaRole.Textbox, new() { NameRegex = name }).Or(scope.GetByRole(AriaRole.Spinbutton, new() { NameRegex = name }));
    }

    /// <summary>
    /// Clicks Create until the page moves to the saved item. On a loaded machine a click can land while the
    /// circuit is still busy with the previous change and be lost.
    /// </summary>
    private static Task SaveAndWaitForItemPageAsync(IPage page) =>
        BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create catalogue item" }), new Regex("/catalogue/[0-9a-f-]{36}$"));
}
