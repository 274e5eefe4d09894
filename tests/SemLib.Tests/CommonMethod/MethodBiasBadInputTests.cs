using SemLib.CommonMethod;
using Xunit;

namespace SemLib.Tests.CommonMethod;

/// <summary>Input the checks cannot use: each refused with a message that names what is wrong.</summary>
public sealed class MethodBiasBadInputTests
{
    private const string Model = "sat =~ sat1 + sat2 + sat3 + sat4\ncom =~ com1 + com2 + com3 + com4\neng =~ eng1 + eng2 + eng3 + eng4";

    private static SemLibException Fails(string model, params string[] markers)
    {
        var (_, data) = MethodBiasReferenceTests.Case("likert-marker");
        return Assert.ThrowsAny<SemLibException>(() => MethodBias.Run(model, data, new MethodBiasOptions { Markers = markers }));
    }

    [Fact]
    public void A_marker_not_in_the_data_is_named()
    {
        var e = Fails(Model, "mk1", "mk9");
        Assert.Contains("'mk9' is not a column", e.Message);
        Assert.Contains("columns are: sat1, sat2", e.Message);
    }

    [Fact]
    public void A_marker_that_is_also_in_the_model_is_refused()
    {
        var e = Fails(Model, "mk1", "sat2");
        Assert.Contains("'sat2' is also in the measurement model", e.Message);
    }

    [Fact]
    public void A_marker_that_is_a_covariate_of_the_model_is_refused()
    {
        var e = Fails(Model + "\nsat ~ mk3", "mk1", "mk3");
        Assert.Contains("'mk3' is also in the measurement model", e.Message);
    }

    [Fact]
    public void One_marker_is_not_enough()
    {
        var e = Fails(Model, "mk1");
        Assert.Contains("at least two marker items", e.Message);
    }

    [Fact]
    public void A_model_without_latent_variables_is_refused()
    {
        var e = Fails("sat1 ~ sat2 + sat3 + com1");
        Assert.Contains("no latent variables", e.Message);
    }

    [Fact]
    public void Too_few_items_are_refused()
    {
        var e = Fails("sat =~ sat1 + sat2 + sat3");
        Assert.Contains("3 items (sat1, sat2, sat3)", e.Message);
        Assert.Contains("at least 4", e.Message);
    }

    [Fact]
    public void An_item_missing_from_the_data_is_named()
    {
        var e = Fails("sat =~ sat1 + sat2 + sat3 + satX");
        Assert.Contains("'satX'", e.Message);
    }

    [Fact]
    public void A_model_that_cannot_be_estimated_is_named()
    {
        // Two single-indicator traits (their residual variances fixed at 0, as lavaan does): the measurement model has
        // 9 parameters for 10 moments (df = 1). In the common latent factor model sat3 and sat4 load on two factors,
        // so their residual variances are free (+2) besides the common loading (+1): 12 parameters, df = -2.
        var e = Fails("a =~ sat1 + sat2\nb =~ sat3\nc =~ sat4");
        Assert.StartsWith("The common latent factor model: ", e.Message);
        Assert.Contains("df = -2", e.Message);
    }

    [Fact]
    public void Groups_are_refused()
    {
        var (_, data) = MethodBiasReferenceTests.Case("likert-marker");
        var e = Assert.ThrowsAny<SemLibException>(() => MethodBias.Run(Model, data,
            new MethodBiasOptions { Fit = SemLib.Specification.ModelOptions.Default with { Group = "mk1" } }));
        Assert.Contains("for one group", e.Message);
    }
}
