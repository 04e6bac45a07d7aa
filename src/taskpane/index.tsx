// PLACEHOLDER task pane written by the tooling setup; the pane engineer replaces it.
// Fluent UI v9 components are imported by name from @fluentui/react-components (tree-shaken).
import { createRoot } from "react-dom/client";
import { FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <Title3 as="h1">ВПР: координатор</Title3>
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<App />);
