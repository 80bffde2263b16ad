/// <summary>Lets WebApplicationFactory&lt;Program&gt; find the entry point.</summary>
public partial class Program;
