document.title = "<p>Summary</p>";
