namespace Jalin.Web.Infrastructure;

/// <summary>Per circuit: a page that marks notifications read tells the bell to count again.</summary>
public sealed class NotificationSignal
{
    public event Action? Changed;
    public void Raise() => Changed?.Invoke();
}
