// The demo embassy's own script: how a host page can listen to the widget's `decision` event.
// It shows the latest decision's verdict and rules version in the "For the embassy's web team"
// box. It sends nothing anywhere.

const output = document.getElementById('last-decision');

document.addEventListener('decision', (event) => {
  const decision = event.detail;
  const verdict = decision.verdict ? decision.verdict.code : 'none';
  const channels = decision.verdict && decision.verdict.channels ? ` (channels: ${decision.verdict.channels.join(', ')})` : '';
  output.textContent = `service ${decision.service}: verdict ${verdict}${channels}; rules version ${decision.rules_version}, as of ${decision.as_of}.`;
});
